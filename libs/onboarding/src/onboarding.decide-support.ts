import { TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import type { OnboardingContext } from './onboarding.context';
import type { OnboardingServices } from './onboarding.services';

/** Refuses early, with the machine's own error, a command whose event the state cannot take. */
export function requireState(state: WorkflowState<OnboardingContext>, allowed: (name: string) => boolean, eventType: string): void {
  if (!allowed(state.state)) throw new TransitionNotAllowed('onboarding', state.state, eventType);
}

/** When the reminder for a step opening at `openedAt` falls due; null when reminders are off. */
export function reminderDueAt(services: OnboardingServices, openedAt: string): string | null {
  const days = services.reminderAfterWorkingDays;
  return days > 0 ? services.addWorkingDays(openedAt, days) : null;
}

