import type { ApiFeature } from '../feature';
import { notificationOutboxProjection } from './notification-outbox.projection';
import { NotificationsModule } from './notifications.module';

export const feature: ApiFeature = {
  module: NotificationsModule,
  projections: () => [notificationOutboxProjection],
};
