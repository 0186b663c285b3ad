import type { WorkflowDefinition } from '@crm/workflow-kit';
import { type OnboardingCommand, onboardingCommandSchemas } from './onboarding.commands';
import type { OnboardingContext } from './onboarding.context';
import { onboardingDeadlines } from './onboarding.deadlines';
import { decideOnboarding } from './onboarding.decider';
import { type OnboardingEvent, onboardingEventSchemas } from './onboarding.events';
import { onboardingMachine } from './onboarding.machine';
import { onboardingFiles } from './onboarding.files';
import { onboardingPeople } from './onboarding.people';
import { onboardingTasks } from './onboarding.tasks';
import type { OnboardingServices } from './onboarding.services';
import { ONBOARDING_VOCABULARY } from './onboarding.vocabulary';

/** Account opening (客户开户, R-ONB-1..4): streams `onboarding-<applicationId>`. */
export const onboardingWorkflow: WorkflowDefinition<OnboardingCommand, OnboardingEvent, OnboardingContext, OnboardingServices> = {
  name: 'onboarding',
  // 2: `voided` added (reachable only from `none`, so every version-1 stream replays unchanged)
  version: '2',
  streamPrefix: 'onboarding',
  machine: onboardingMachine,
  commandSchemas: onboardingCommandSchemas,
  eventSchemas: onboardingEventSchemas,
  vocabulary: ONBOARDING_VOCABULARY,
  creationCommands: ['CreateApplication', 'VoidApplication'],
  decide: decideOnboarding,
  peopleOf: onboardingPeople,
  filesOf: onboardingFiles,
  deadlines: onboardingDeadlines,
  tasks: onboardingTasks,
  // a decision re-made against fresher state would silently skip the step its reviewer saw
  retryableOnConflict: ['SendStepReminder'],
};
