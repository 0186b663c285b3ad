import type { Projection } from '@crm/engine';
import { complaintsProjection } from './complaints.projection';
import { consultationsProjection } from './consultations.projection';
import { slaAlertsProjection } from './sla-alerts.projection';

/** The complaint read models, registered in one line in projection-registrations.ts. */
export const complaintProjections = (): Projection[] => [complaintsProjection, slaAlertsProjection, consultationsProjection];
