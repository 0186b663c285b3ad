import { identityReservationWorkflow, onboardingWorkflow } from '@crm/onboarding';
import type { ApiFeature } from '../feature';
import { identityReservationServices } from './identity-reservations';
import { OnboardingModule } from './onboarding.module';
import { onboardingProjections } from './onboarding.projections';
import { onboardingServices } from './onboarding.services';

export const feature: ApiFeature = {
  module: OnboardingModule,
  workflows: (registry, { calendars }) =>
    registry.register(onboardingWorkflow, onboardingServices(calendars)).register(identityReservationWorkflow, identityReservationServices()),
  projections: onboardingProjections,
};
