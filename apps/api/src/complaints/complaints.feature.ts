import { complaintWorkflow, consultationWorkflow } from '@crm/complaints';
import type { ApiFeature } from '../feature';
import { complaintProjections } from './complaint-projections';
import { complaintServices } from './complaint.services';
import { ComplaintsModule } from './complaints.module';

/** Complaints (issue 6) and customer enquiries (ADR 0026): the workflows with the live SLA calendar, their read models, the HTTP module. */
export const feature: ApiFeature = {
  module: ComplaintsModule,
  workflows: (registry, deps) => {
    registry.register(complaintWorkflow, complaintServices(deps.calendars));
    // ADR 0026: enquiries read the policy in force at their record only, as complaints do
    registry.register(consultationWorkflow, complaintServices(deps.calendars));
  },
  projections: complaintProjections,
};
