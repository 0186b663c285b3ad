import type { Projection } from '@crm/engine';
import { applicationsProjection } from './applications.projection';
import { delegationsProjection } from './delegations.projection';
import { identityKeysProjection } from './identity-keys.projection';

/** The onboarding read models, registered together in projection-registrations.ts. */
export function onboardingProjections(): Projection[] {
  return [applicationsProjection(), identityKeysProjection(), delegationsProjection()];
}
