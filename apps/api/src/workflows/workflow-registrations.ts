import { complaintWorkflow } from '@crm/complaints';
import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES } from '@crm/customers';
import { complaintServices } from '../complaints/complaint.services';
import type { WorkflowRegistry } from '@crm/engine';
import type { CalendarService } from '../calendar/calendar.service';
import { onboardingWorkflow } from '@crm/onboarding';
import { onboardingServices } from '../onboarding/onboarding.services';

/** Every workflow the service runs, with the services its decider needs. One line per context. */
export function registerWorkflows(registry: WorkflowRegistry, deps: { calendars: CalendarService }): WorkflowRegistry {
  void deps;
  return registry.register(customerWorkflow, DEFAULT_CUSTOMER_SERVICES).register(onboardingWorkflow, onboardingServices(deps.calendars)).register(complaintWorkflow, complaintServices(deps.calendars));
}
