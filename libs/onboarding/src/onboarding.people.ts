import type { PersonRef, WorkflowState } from '@crm/workflow-kit';
import type { OnboardingCommand } from './onboarding.commands';
import type { OnboardingContext } from './onboarding.context';
import { OnboardingRule, STEP_ROLE } from './onboarding.rules';

const MANAGER_RULE = 'R-KAM-2';

/**
 * Whom an onboarding command names for a part: the form's customer manager (R-KAM-2 客户经理制: the
 * new customer's one manager), the reviewer a delegate acts for (still holding the step's role when
 * the delegate decides), and the reviewer a step is reassigned to.
 */
export function onboardingPeople(command: OnboardingCommand, state: WorkflowState<OnboardingContext>): PersonRef[] {
  switch (command.type) {
    case 'CreateApplication':
    case 'AmendApplication':
      return [manager(command.data.form.customerManagerId)];
    case 'SubmitApplication':
      return state.context.form ? [manager(state.context.form.customerManagerId)] : [];
    case 'ApproveStep':
      // the last approval opens the archive for the form's manager: they must still be one
      return [...delegator(command.data), ...(command.data.step === 'generalManager' && state.context.form ? [manager(state.context.form.customerManagerId)] : [])];
    case 'RejectStep':
    case 'ReturnForRevision':
      return delegator(command.data);
    case 'ReassignStep':
      return [{ userId: command.data.to, roles: [STEP_ROLE[command.data.step]], field: 'to', ruleId: OnboardingRule.order }];
    default:
      return [];
  }
}

const delegator = ({ onBehalfOf, step }: { onBehalfOf?: string; step: keyof typeof STEP_ROLE }): PersonRef[] =>
  onBehalfOf ? [{ userId: onBehalfOf, roles: [STEP_ROLE[step]], field: 'onBehalfOf', ruleId: OnboardingRule.delegation }] : [];

const manager = (userId: string): PersonRef => ({ userId, roles: ['customer_manager'], field: 'form.customerManagerId', ruleId: MANAGER_RULE });
