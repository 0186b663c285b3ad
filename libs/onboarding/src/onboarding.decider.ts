import { type Command, DomainRuleViolation, NotPermitted, type WorkflowState } from '@crm/workflow-kit';
import { IDENTITY_RESERVATION_GRACE_MS, reservationGraceOver } from './identity-reservation.policy';
import type { AmendApplication, CreateApplication, OnboardingCommand, SubmitApplication, VoidApplication, WithdrawApplication } from './onboarding.commands';
import type { OnboardingContext } from './onboarding.context';
import type { OnboardingEvent } from './onboarding.events';
import type { ApplicationForm } from './onboarding.form';
import { reminderDueAt, requireState } from './onboarding.decide-support';
import { approveStep, reassignStep, rejectStep, returnForRevision, sendStepReminder } from './onboarding.review-decider';
import { customerIdFor, identityKeyOf, OnboardingRule, submissionProblems } from './onboarding.rules';
import type { OnboardingServices } from './onboarding.services';

type State = WorkflowState<OnboardingContext>;
const EDITABLE = ['draft', 'returned'];

function requireApplicant(state: State, command: Command, what: string): void {
  if (command.meta.actor.id !== state.context.applicantId)
    throw new NotPermitted(OnboardingRule.applicantOnly, `only the applicant (${state.context.applicantId}) may ${what} the application`);
}

/**
 * A second open application for the same company, or one for a product line the company is
 * already a customer of, is refused; another line of a customer company is its own registration
 * (R-TIER-1 按照不同的产品设置不同的客户及客户登记).
 */
function refuseDuplicate(services: OnboardingServices, form: ApplicationForm, applicationId: string): string {
  const identityKey = identityKeyOf(form.identifiers);
  const { taken, by, kind } = services.duplicates.isCreditCodeTaken(identityKey, form.productLine);
  if (taken && by !== applicationId && by !== customerIdFor(applicationId)) {
    const what = kind === 'customer' ? `is already a customer for the product line ${form.productLine}` : 'already has an open application';
    const blockedBy = by ? { blockedBy: { kind: kind ?? 'application', id: by } } : undefined;
    throw new DomainRuleViolation(OnboardingRule.duplicate, `the company with organisation code ${identityKey} ${what} (${by ?? 'unknown'})`, 'data.form.identifiers', blockedBy);
  }
  return identityKey;
}

function createApplication(command: Command<'CreateApplication', CreateApplication>, state: State, services: OnboardingServices): OnboardingEvent[] {
  requireState(state, (s) => s === 'none', 'ApplicationDrafted');
  const { actor, now } = command.meta;
  if (!actor.roles.includes('customer_manager'))
    throw new NotPermitted(OnboardingRule.applicantOnly, 'account-opening applications are filed by customer managers');
  const { applicationId, form } = command.data;
  const identityKey = refuseDuplicate(services, form, applicationId);
  return [{ type: 'ApplicationDrafted', data: { applicationId, applicantId: actor.id, form, identityKey, at: now } }];
}

function amendApplication(command: Command<'AmendApplication', AmendApplication>, state: State, services: OnboardingServices): OnboardingEvent[] {
  requireState(state, (s) => EDITABLE.includes(s), 'ApplicationAmended');
  requireApplicant(state, command, 'amend');
  const before = state.context.form as ApplicationForm;
  const { form } = command.data;
  const changedFields = (Object.keys(form) as Array<keyof ApplicationForm>).filter((k) => JSON.stringify(form[k]) !== JSON.stringify(before[k]));
  if (changedFields.length === 0) return [];
  const identityKey = refuseDuplicate(services, form, state.context.applicationId as string);
  return [{ type: 'ApplicationAmended', data: { by: command.meta.actor.id, form, identityKey, changedFields, at: command.meta.now } }];
}

function submitApplication(command: Command<'SubmitApplication', SubmitApplication>, state: State, services: OnboardingServices): OnboardingEvent[] {
  requireState(state, (s) => EDITABLE.includes(s), 'ApplicationSubmitted');
  requireApplicant(state, command, 'submit');
  const form = state.context.form as ApplicationForm;
  const [problem] = submissionProblems(form, command.meta.now);
  if (problem) throw new DomainRuleViolation(problem.ruleId, problem.message, problem.field);
  refuseDuplicate(services, form, state.context.applicationId as string);
  const { actor, now } = command.meta;
  return [{ type: 'ApplicationSubmitted', data: { round: state.context.round + 1, by: actor.id, reminderDueAt: reminderDueAt(services, now), at: now } }];
}

function withdrawApplication(command: Command<'WithdrawApplication', WithdrawApplication>, state: State): OnboardingEvent[] {
  requireState(state, (s) => EDITABLE.includes(s) || s.startsWith('review.'), 'ApplicationWithdrawn');
  requireApplicant(state, command, 'withdraw');
  return [{ type: 'ApplicationWithdrawn', data: { by: command.meta.actor.id, reason: command.data.reason ?? null, at: command.meta.now } }];
}

/**
 * ONB-RESERVATION: an application that reserved its company and was never drafted is voided by
 * the service once the grace period is over, so that its late draft fails on the existing stream.
 */
function voidApplication(command: Command<'VoidApplication', VoidApplication>, state: State): OnboardingEvent[] {
  requireState(state, (s) => s === 'none', 'ApplicationVoided');
  const { actor, now } = command.meta;
  if (!actor.system) throw new NotPermitted(OnboardingRule.reservation, 'only the onboarding service voids an application that was never drafted');
  const { applicationId, identityKey, reservedAt } = command.data;
  if (!reservationGraceOver(reservedAt, now))
    throw new DomainRuleViolation(
      OnboardingRule.reservation,
      `application ${applicationId} reserved ${identityKey} at ${reservedAt}; it may still be drafted for ${IDENTITY_RESERVATION_GRACE_MS / 1000} s after that`,
      'data.reservedAt',
    );
  return [{ type: 'ApplicationVoided', data: { applicationId, identityKey, reservedAt, at: now } }];
}

/** One small function per command; the `never` default makes a forgotten command a compile error. */
export function decideOnboarding(command: OnboardingCommand, state: State, services: OnboardingServices): OnboardingEvent[] {
  switch (command.type) {
    case 'CreateApplication':
      return createApplication(command, state, services);
    case 'AmendApplication':
      return amendApplication(command, state, services);
    case 'SubmitApplication':
      return submitApplication(command, state, services);
    case 'WithdrawApplication':
      return withdrawApplication(command, state);
    case 'ApproveStep':
      return approveStep(command, state, services);
    case 'RejectStep':
      return rejectStep(command, state, services);
    case 'ReturnForRevision':
      return returnForRevision(command, state, services);
    case 'ReassignStep':
      return reassignStep(command, state);
    case 'SendStepReminder':
      return sendStepReminder(command, state);
    case 'VoidApplication':
      return voidApplication(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}
