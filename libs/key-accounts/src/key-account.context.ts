import type { KeyAccountEvent } from './key-account.events';

export interface KeyAccountContext {
  customerId: string | null;
  /** months a warning was raised for: the once-per-month fence (R-KAM-3) */
  warnedMonths: string[];
  activeWarningMonth: string | null;
  loyaltyLevel: string | null;
}
export const INITIAL_KEY_ACCOUNT_CONTEXT: KeyAccountContext = { customerId: null, warnedMonths: [], activeWarningMonth: null, loyaltyLevel: null };

export function evolveKeyAccount(context: KeyAccountContext, event: KeyAccountEvent): KeyAccountContext {
  switch (event.type) {
    case 'KeyAccountWarningRaised':
      return { ...context, customerId: event.data.customerId, warnedMonths: [...context.warnedMonths, event.data.month], activeWarningMonth: event.data.month };
    case 'KeyAccountWarningCleared':
      return { ...context, customerId: event.data.customerId, activeWarningMonth: null };
    case 'LoyaltyLevelChanged':
      return { ...context, customerId: event.data.customerId, loyaltyLevel: event.data.newLevel };
  }
}

/** R-KAM-3: warnings go forward month by month, at most one each. */
export const isNewWarningMonth = (context: KeyAccountContext, month: string): boolean => context.warnedMonths.every((m) => m < month);
