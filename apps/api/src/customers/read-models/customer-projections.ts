import type { Projection } from '@crm/engine';
import { customersProjection } from './customers.projection';
import { documentsProjection } from './documents.projection';
import { gradeHistoryProjection } from './grade-history.projection';
import { pickupsProjection } from './pickups.projection';

/** The customer context's read models, registered together in projection-registrations.ts. */
export const customerProjections = (): Projection[] => [customersProjection, gradeHistoryProjection, documentsProjection, pickupsProjection];
export const CUSTOMER_PROJECTION_NAMES = customerProjections().map((p) => p.name);
