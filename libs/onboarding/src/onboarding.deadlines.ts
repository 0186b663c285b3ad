import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import type { OnboardingContext } from './onboarding.context';

/**
 * While a review step waits, its reviewer is reminded once at the due time fixed when the step
 * opened. The key names step and round, so a step reopened after a return gets a fresh timer
 * and the engine cancels the previous round's.
 */
export function onboardingDeadlines(state: WorkflowState<OnboardingContext>): DeadlineSpec[] {
  const pending = state.context.pending;
  if (!state.state.startsWith('review.') || !pending || pending.reminded || !pending.reminderDueAt) return [];
  return [
    {
      key: `reminder-${pending.step}-${pending.round}`,
      dueAt: pending.reminderDueAt,
      command: { type: 'SendStepReminder', data: { step: pending.step, round: pending.round } },
    },
  ];
}
