import { type Command, DomainRuleViolation, NotPermitted, type WorkflowState } from '@crm/workflow-kit';
import type { ApproveStep, ReassignStep, RejectStep, ReturnForRevision, SendStepReminder } from './onboarding.commands';
import type { OnboardingContext } from './onboarding.context';
import { missingAdmission } from './onboarding.admission';
import { applicationApprovedData } from './onboarding.approval';
import { reminderDueAt, requireState } from './onboarding.decide-support';
import type { OnboardingEvent } from './onboarding.events';
import { reassignmentRefusal, type Refusal, stepDecisionRefusal } from './onboarding.policy';
import { OnboardingRule, shanghaiDate, STEP_ROLE } from './onboarding.rules';
import type { OnboardingServices } from './onboarding.services';
import type { ReviewStep } from './onboarding.shapes';

type State = WorkflowState<OnboardingContext>;
type StepCommand = Command<string, { step: ReviewStep; onBehalfOf?: string }>;

const inReview = (s: string) => s.startsWith('review.');

function refuse(refusal: Refusal): never {
  if (refusal.kind === 'forbidden') throw new NotPermitted(refusal.ruleId, refusal.message);
  throw new DomainRuleViolation(refusal.ruleId, refusal.message, 'data.step');
}

function requirePendingStep(state: State, step: ReviewStep): void {
  const pending = state.context.pending?.step;
  if (pending !== step)
    throw new DomainRuleViolation(OnboardingRule.order, `approval runs sales → finance → general manager; the pending step is ${pending}, not ${step}`, 'data.step');
}

function delegationIdFor(command: StepCommand, services: OnboardingServices): string | null {
  const { onBehalfOf, step } = command.data;
  const { actor, now } = command.meta;
  if (!onBehalfOf) return null;
  if (onBehalfOf === actor.id) throw new DomainRuleViolation(OnboardingRule.delegation, 'a reviewer does not act on their own behalf', 'data.onBehalfOf');
  const query = { delegatorId: onBehalfOf, delegateId: actor.id, role: STEP_ROLE[step], onDate: shanghaiDate(now) };
  const delegation = services.delegations.findDelegation(query);
  if (!delegation) throw new NotPermitted(OnboardingRule.delegation, `${actor.id} holds no delegation from ${onBehalfOf} as ${query.role} on ${query.onDate}`);
  return delegation.delegationId;
}

/** Who decides, in which role, for whom: checked here for the message, and again by the machine. */
function stepDecisionBase(command: StepCommand, state: State, services: OnboardingServices, approving: boolean, eventType: string) {
  requireState(state, inReview, eventType);
  const { step, onBehalfOf } = command.data;
  const { actor, now } = command.meta;
  requirePendingStep(state, step);
  const role = STEP_ROLE[step];
  if (!actor.roles.includes(role)) throw new NotPermitted(OnboardingRule.order, `the ${step} step is decided by a ${role}`);
  const delegationId = delegationIdFor(command, services);
  const refusal = stepDecisionRefusal(state.context, { step, by: actor.id, role, onBehalfOf: onBehalfOf ?? null }, approving);
  if (refusal) refuse(refusal);
  const round = state.context.round;
  return { round, by: actor.id, role, onBehalfOf: onBehalfOf ?? null, delegationId, at: now };
}

export function approveStep(command: Command<'ApproveStep', ApproveStep>, state: State, services: OnboardingServices): OnboardingEvent[] {
  const { step, comment, checked } = command.data;
  const type = ({ sales: 'SalesReviewApproved', finance: 'FinanceReviewApproved', generalManager: 'GeneralManagerApproved' } as const)[step];
  const base = stepDecisionBase(command, state, services, true, type);
  const decision = { ...base, comment: comment ?? null };
  const due = reminderDueAt(services, base.at);
  if (step === 'sales') return [{ type: 'SalesReviewApproved', data: { ...decision, admission: salesAdmission(command, state), nextReminderDueAt: due } }];
  if (step === 'finance') {
    if (!checked?.taxRegistration || !checked.invoicingData)
      throw new DomainRuleViolation(OnboardingRule.order, 'finance approves only after checking the tax registration and the invoicing data', 'data.checked');
    return [{ type: 'FinanceReviewApproved', data: { ...decision, checked, nextReminderDueAt: due } }];
  }
  const record = { step, round: base.round, by: base.by, onBehalfOf: base.onBehalfOf, at: base.at };
  return [
    { type: 'GeneralManagerApproved', data: decision },
    { type: 'ApplicationApproved', data: applicationApprovedData(state.context, record, base.at) },
  ];
}

/** R-TIER-6: the sales department attests admission of an other-chemicals customer. */
function salesAdmission(command: Command<'ApproveStep', ApproveStep>, state: State) {
  const form = state.context.form as NonNullable<OnboardingContext['form']>;
  const attestations = command.data.admission ?? [];
  const missing = missingAdmission(form.productLine, form.customerClass, attestations);
  if (missing.length > 0)
    throw new DomainRuleViolation('R-TIER-6', `the sales review must attest admission criteria: ${missing.join(', ')}`, 'data.admission');
  return attestations;
}

export function rejectStep(command: Command<'RejectStep', RejectStep>, state: State, services: OnboardingServices): OnboardingEvent[] {
  const base = stepDecisionBase(command, state, services, false, 'ApplicationRejected');
  return [{ type: 'ApplicationRejected', data: { ...base, step: command.data.step, reason: command.data.reason } }];
}

export function returnForRevision(command: Command<'ReturnForRevision', ReturnForRevision>, state: State, services: OnboardingServices): OnboardingEvent[] {
  const base = stepDecisionBase(command, state, services, false, 'ApplicationReturnedForRevision');
  const applicant = state.context.applicantId;
  const notifyUsers = applicant ? { notifyUsers: [applicant] } : {};
  return [{ type: 'ApplicationReturnedForRevision', data: { ...base, step: command.data.step, comment: command.data.comment, ...notifyUsers } }];
}

export function reassignStep(command: Command<'ReassignStep', ReassignStep>, state: State): OnboardingEvent[] {
  requireState(state, inReview, 'StepReassigned');
  const { actor, now } = command.meta;
  if (!actor.roles.includes('administrator')) throw new NotPermitted(OnboardingRule.administrator, 'only an administrator reassigns a pending step');
  const { step, to, reason } = command.data;
  requirePendingStep(state, step);
  const refusal = reassignmentRefusal(state.context, step, to);
  if (refusal) refuse(refusal);
  const pending = state.context.pending;
  if (!pending || pending.assignee === to) return [];
  return [{ type: 'StepReassigned', data: { round: pending.round, step, from: pending.assignee, to, reason: reason ?? null, by: actor.id, role: 'administrator', at: now } }];
}

/** Timer input: a firing for a step that moved on, or already reminded, changes nothing. */
export function sendStepReminder(command: Command<'SendStepReminder', SendStepReminder>, state: State): OnboardingEvent[] {
  if (!command.meta.actor.system) throw new NotPermitted(OnboardingRule.timer, 'reminders are sent by the timer scheduler');
  const pending = state.context.pending;
  const { step, round } = command.data;
  if (!inReview(state.state) || !pending || pending.step !== step || pending.round !== round || pending.reminded) return [];
  return [{ type: 'StepReminderSent', data: { round, step, waitingSince: pending.since, assignee: pending.assignee, at: command.meta.now } }];
}
