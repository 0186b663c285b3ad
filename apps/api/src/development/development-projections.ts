import type { Projection } from '@crm/engine';
import { monthlyReportsProjection } from './monthly-reports.projection';
import { plansProjection } from './plans.projection';
import { prospectsProjection } from './prospects.projection';

/** The customer-development read models. */
export const developmentProjections = (): Projection[] => [prospectsProjection, plansProjection, monthlyReportsProjection];
