import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import type { CustomerClass, ProductLine } from './onboarding.shapes';

/** R-TIER-6 admission criteria (the same names as `@crm/customers`' archive expects). */
export const AdmissionCriterion = z.enum([
  'producer_of_scale',
  'good_funds_and_credit',
  'sound_operation',
  'honest',
  'well_funded',
  'good_reputation',
  'sells_only_group_products',
]);
export type AdmissionCriterion = z.infer<typeof AdmissionCriterion>;

export const AdmissionAttestation = z.object({ criterion: AdmissionCriterion, evidence: freeText(2000) });
export type AdmissionAttestation = z.infer<typeof AdmissionAttestation>;

const DIRECT: AdmissionCriterion[] = ['producer_of_scale', 'good_funds_and_credit'];
const DISTRIBUTOR: AdmissionCriterion[] = ['sound_operation', 'honest', 'well_funded', 'good_reputation'];

/**
 * R-TIER-6 (R-TIER-5 for the agent's exclusivity): what the sales department attests when it
 * approves an other-chemicals customer; the archive refuses to open without it.
 */
export function requiredAdmission(productLine: ProductLine, cls: CustomerClass): AdmissionCriterion[] {
  if (productLine !== 'other_chemicals') return [];
  if (cls.salesObject === 'direct') return DIRECT;
  return cls.salesObject === 'exclusive_agent' ? [...DISTRIBUTOR, 'sells_only_group_products'] : DISTRIBUTOR;
}

export function missingAdmission(productLine: ProductLine, cls: CustomerClass, attestations: readonly AdmissionAttestation[]): AdmissionCriterion[] {
  const attested = new Set(attestations.map((a) => a.criterion));
  return requiredAdmission(productLine, cls).filter((c) => !attested.has(c));
}
