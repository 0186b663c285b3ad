import { customerStreamsProjection } from '@crm/audit';
import type { ApiFeature } from '../feature';
import { AuditModule } from './audit.module';

export const feature: ApiFeature = {
  module: AuditModule,
  projections: () => [customerStreamsProjection],
};
