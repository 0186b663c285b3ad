import type { ApiFeature } from '../feature';
import { taskProjection } from './task.projection';
import { TasksModule } from './tasks.module';

export const feature: ApiFeature = {
  module: TasksModule,
  projections: () => [taskProjection],
};
