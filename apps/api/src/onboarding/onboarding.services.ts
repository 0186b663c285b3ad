import { customerIdFor, type Delegation, delegationCovers, type OnboardingServices } from '@crm/onboarding';
import type { CalendarService } from '../calendar/calendar.service';
import { slaCalendarOf } from '../workflows/sla-calendar.adapter';

/** Working days a review step waits before its reviewer is reminded (issue 5); 0 turns reminders off. */
export const DEFAULT_REMINDER_WORKING_DAYS = 2;

/** Facts read from the read models before a command, for the synchronous decider. */
export interface OnboardingFacts {
  /** the application the command is about: it never counts as a duplicate of itself */
  applicationId: string;
  /** the identity keys looked up; a question about another key is a programming error */
  identityKeys: readonly string[];
  /** open applications and customers holding those keys */
  holders: ReadonlyArray<IdentityKeyHolder>;
  delegations: readonly Delegation[];
}

/** An open application (any line: one at a time per company) or a customer of one product line. */
export interface IdentityKeyHolder {
  identityKey: string;
  holderId: string;
  kind: 'application' | 'customer';
  productLine: string | null;
}

export class FactsNotPreloaded extends Error {
  constructor(what: string) {
    super(`onboarding ${what} must be preloaded for this command (see OnboardingFactsLoader)`);
  }
}

/**
 * The services the onboarding decider runs with. Without facts (the registered default, used by
 * the timer scheduler's SendStepReminder, which needs none) a question about duplicates or
 * delegations fails loudly instead of answering "none".
 */
export function onboardingServices(calendars: CalendarService, facts: OnboardingFacts | null = null, reminderAfterWorkingDays = DEFAULT_REMINDER_WORKING_DAYS): OnboardingServices {
  const calendar = slaCalendarOf(calendars);
  return {
    reminderAfterWorkingDays,
    addWorkingDays: (startIso, days) => calendar.addWorkingDays(startIso, days).due,
    duplicates: {
      isCreditCodeTaken(identityKey, productLine) {
        if (!facts?.identityKeys.includes(identityKey)) throw new FactsNotPreloaded(`duplicate checks (${identityKey})`);
        const own = new Set([facts.applicationId, customerIdFor(facts.applicationId)]);
        const takes = (h: IdentityKeyHolder) => h.kind === 'application' || h.productLine === productLine;
        const other = facts.holders.find((h) => h.identityKey === identityKey && !own.has(h.holderId) && takes(h));
        return other ? { taken: true, by: other.holderId, kind: other.kind } : { taken: false };
      },
    },
    delegations: {
      findDelegation(query) {
        if (!facts) throw new FactsNotPreloaded('delegations');
        return facts.delegations.find((d) => delegationCovers(d, query)) ?? null;
      },
    },
  };
}
