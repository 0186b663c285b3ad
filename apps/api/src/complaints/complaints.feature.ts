import { complaintWorkflow } from '@crm/complaints';
import type { ApiFeature } from '../feature';
import { complaintProjections } from './complaint-projections';
import { complaintServices } from './complaint.services';
import { ComplaintsModule } from './complaints.module';

/** Complaints (issue 6): the workflow with the live SLA calendar, its read models, its HTTP module. */
export const feature: ApiFeature = {
  module: ComplaintsModule,
  workflows: (registry, deps) => void registry.register(complaintWorkflow, complaintServices(deps.calendars)),
  projections: complaintProjections,
};
