import { onboardingWorkflow } from '@crm/onboarding';
import type { ApiFeature } from '../feature';
import { OnboardingModule } from './onboarding.module';
import { onboardingProjections } from './onboarding.projections';
import { onboardingServices } from './onboarding.services';

export const feature: ApiFeature = {
  module: OnboardingModule,
  workflows: (registry, { calendars }) => registry.register(onboardingWorkflow, onboardingServices(calendars)),
  projections: onboardingProjections,
};
