import { type Actor, DomainRuleViolation, NotPermitted, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { concludedOutcomes, type CustomerReviewContext } from './customer-review.context';
import type { CustomerReviewCommand } from './customer-review.commands';
import type { CustomerReviewEvent } from './customer-review.events';
import { meetingFor } from './customer-review.shapes';

const RULE = 'R-EVAL-2';
const REVIEWERS = ['sales_reviewer'];
const CONCLUDERS = ['sales_reviewer', 'general_manager'];
/** the meeting's members are told: the general manager chairs both meetings the text names */
const REPORTED_TO = ['general_manager', 'supervisor'];

function roleOf(actor: Actor, roles: readonly string[], what: string) {
  const role = actor.roles.find((r) => roles.includes(r));
  if (!role) throw new NotPermitted(RULE, `${what} is for ${roles.join(' or ')}`);
  return role;
}

/** R-EVAL-2: the sales department reviews its customers by period; the results are recorded and reported, not only computed. */
export function decideCustomerReview(command: CustomerReviewCommand, state: WorkflowState<CustomerReviewContext>): CustomerReviewEvent[] {
  const { actor, now } = command.meta;
  const context = state.context;
  switch (command.type) {
    case 'OpenCustomerReview': {
      if (state.state !== 'none') throw new TransitionNotAllowed('customer-review', state.state, 'CustomerReviewOpened');
      const role = roleOf(actor, REVIEWERS, 'opening a customer review');
      const { period, productLine, entries } = command.data;
      if (entries.length === 0) throw new DomainRuleViolation(RULE, `no customer of ${productLine} to review for ${period}`, 'period');
      return [{ type: 'CustomerReviewOpened', data: { period, productLine, meeting: meetingFor(period), entries, by: actor.id, role, at: now } }];
    }
    case 'RecordReviewOutcome': {
      if (state.state !== 'open') throw new TransitionNotAllowed('customer-review', state.state, 'ReviewOutcomeRecorded');
      const role = roleOf(actor, REVIEWERS, 'recording a review outcome');
      const entry = context.entries.find((e) => e.customerId === command.data.customerId);
      if (!entry) throw new DomainRuleViolation(RULE, `${command.data.customerId} is not in this review`, 'customerId');
      if (context.recorded[entry.customerId] === command.data.outcome) return [];
      return [{ type: 'ReviewOutcomeRecorded', data: { customerId: entry.customerId, outcome: command.data.outcome, suggested: entry.suggested, reason: command.data.reason, by: actor.id, role, at: now } }];
    }
    case 'ConcludeCustomerReview': {
      if (state.state !== 'open') throw new TransitionNotAllowed('customer-review', state.state, 'CustomerReviewConcluded');
      const role = roleOf(actor, CONCLUDERS, 'concluding a customer review');
      return [{
        type: 'CustomerReviewConcluded',
        data: {
          period: context.period as string, productLine: context.productLine as string, meeting: context.meeting ?? meetingFor(context.period as string),
          outcomes: concludedOutcomes(context), note: command.data.note, notify: [...REPORTED_TO], by: actor.id, role, at: now,
        },
      }];
    }
  }
}
