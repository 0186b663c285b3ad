import { developmentPlanWorkflow, prospectWorkflow } from '@crm/development';
import type { ApiFeature } from '../feature';
import { developmentProjections } from './development-projections';
import { DevelopmentModule } from './development.module';

/** Customer development (R-DEV-1..3): prospect archives, quarterly plans and their progress reports. */
export const feature: ApiFeature = {
  module: DevelopmentModule,
  workflows: (registry) => {
    registry.register(prospectWorkflow, undefined);
    registry.register(developmentPlanWorkflow, undefined);
  },
  projections: developmentProjections,
};
