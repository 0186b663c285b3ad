import type { ApiFeature } from '../feature';
import { FilesModule } from './files.module';
import { filesProjection } from './files.projection';

export const feature: ApiFeature = {
  module: FilesModule,
  projections: () => [filesProjection],
};
