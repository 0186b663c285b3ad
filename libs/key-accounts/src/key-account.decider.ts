import type { WorkflowState } from '@crm/workflow-kit';
import type { KeyAccountCommand } from './key-account.commands';
import { isNewWarningMonth, type KeyAccountContext } from './key-account.context';
import type { KeyAccountEvent } from './key-account.events';
import { assessDecline } from './decline-assessment';
import { assessLoyalty } from './loyalty-policy';

/** R-KAM-3: supervisors and the account's own manager hear of a declining key account. */
export const WARNING_RECIPIENTS = ['supervisor', 'customer_manager'];

/**
 * R-KAM-3/4: one month's evaluation. Writes only what changed, so evaluating a month again writes
 * nothing: a warning is raised once per month for a class-A account that is declining, cleared when
 * an evaluation finds no decline, and the loyalty level changes only when the streaks say so.
 */
export function decideKeyAccount(command: KeyAccountCommand, state: WorkflowState<KeyAccountContext>): KeyAccountEvent[] {
  const d = command.data;
  const context = state.context;
  const by = command.meta.actor.id;
  const at = command.meta.now;
  const events: KeyAccountEvent[] = [];
  const decline = assessDecline(d.month, d.kgByMonth, d.lastPickupDate, d.declinePolicy);
  const policy = { version: d.declinePolicy.version, priorRatio: d.declinePolicy.priorRatio, lastYearRatio: d.declinePolicy.lastYearRatio, silentWeeks: d.declinePolicy.silentWeeks };
  if (decline.declining && d.abcClass === 'A' && isNewWarningMonth(context, d.month)) {
    events.push({
      type: 'KeyAccountWarningRaised',
      data: {
        customerId: d.customerId, month: d.month, abcClass: d.abcClass, reasons: decline.reasons, evidence: decline.evidence, policy,
        customerManagerId: d.customerManagerId, raisedBy: by, raisedAt: at, notify: WARNING_RECIPIENTS,
      },
    });
  } else if (!decline.declining && context.activeWarningMonth !== null && d.month >= context.activeWarningMonth) {
    events.push({
      type: 'KeyAccountWarningCleared',
      data: {
        customerId: d.customerId, month: d.month, warningMonth: context.activeWarningMonth, evidence: decline.evidence, policy,
        customerManagerId: d.customerManagerId, clearedBy: by, clearedAt: at, notify: WARNING_RECIPIENTS,
      },
    });
  }
  const loyalty = assessLoyalty(d.month, d.kgByMonth, d.loyaltyPolicy);
  if (loyalty.level !== context.loyaltyLevel) {
    events.push({
      type: 'LoyaltyLevelChanged',
      data: {
        customerId: d.customerId, month: d.month, previousLevel: context.loyaltyLevel, newLevel: loyalty.level, policyVersion: loyalty.policyVersion,
        evidence: loyalty.evidence, changedBy: by, changedAt: at,
      },
    });
  }
  return events;
}
