import type { ApiFeature } from '../feature';
import { usersProjection } from './users.projection';
import { UsersModule } from './users.module';

export const feature: ApiFeature = {
  module: UsersModule,
  projections: () => [usersProjection()],
};
