import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES } from '@crm/customers';
import type { WorkflowRegistry } from '@crm/engine';
import type { CalendarService } from '../calendar/calendar.service';

/** Every workflow the service runs, with the services its decider needs. One line per context. */
export function registerWorkflows(registry: WorkflowRegistry, deps: { calendars: CalendarService }): WorkflowRegistry {
  void deps;
  return registry.register(customerWorkflow, DEFAULT_CUSTOMER_SERVICES);
}
