import { forumWorkflow, surveyWorkflow, visitPlanWorkflow, visitReportWorkflow } from '@crm/relationship';
import type { ApiFeature } from '../feature';
import { customerForumsProjection } from './customer-forums.projection';
import { visitReportServicesWith } from './relationship-command.service';
import { RelationshipModule } from './relationship.module';
import { visitPlansProjection } from './visit-plans.projection';
import { visitReportsProjection } from './visit-reports.projection';

/** Relationship maintenance: visit plans and reports, the yearly survey, customer forums. */
export const feature: ApiFeature = {
  module: RelationshipModule,
  workflows: (registry) => {
    registry.register(visitPlanWorkflow);
    // without the plan item read first, a planned report finds no item and is refused (R-VISIT-1)
    registry.register(visitReportWorkflow, visitReportServicesWith(null));
    registry.register(surveyWorkflow);
    registry.register(forumWorkflow);
  },
  projections: () => [visitPlansProjection, visitReportsProjection, customerForumsProjection],
};
