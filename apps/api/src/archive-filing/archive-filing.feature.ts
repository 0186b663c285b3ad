import { archiveCheckWorkflow, archiveFilingWorkflow } from '@crm/customers';
import type { ApiFeature } from '../feature';
import { ArchiveFilingModule } from './archive-filing.module';
import { archiveFilingProjection } from './archive-filing.projection';

export const feature: ApiFeature = {
  module: ArchiveFilingModule,
  workflows: (registry) => {
    registry.register(archiveFilingWorkflow, undefined);
    registry.register(archiveCheckWorkflow, undefined);
  },
  projections: () => [archiveFilingProjection],
};
