import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext, PickupState } from './customer.context';
import type { CustomerEvent, PickupCharge } from './customer.events';
import type { CustomerServices, PrepaymentFacts } from './customer.services';

export const PREPAYMENT_RULE = 'R-PRIN-4';

/** The money in the pickup's kilograms at a fen-per-tonne price, rounded to the fen. */
export const amountFenOf = (kg: number, priceFen: number): number => Math.round((kg * priceFen) / 1000);
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** R-PRIN-4 款到发货: finance records a receipt into the product line's prepayment account; the same receipt id twice is one receipt. */
export function recordReceipt(command: CustomerCommandOf<'RecordReceipt'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  if (context.receiptIds[data.receiptId]) return [];
  if (data.productLine !== context.productLine) throw new DomainRuleViolation(PREPAYMENT_RULE, `the customer is registered for ${context.productLine}, not ${data.productLine}`, 'productLine');
  const amountFen = Math.round(data.amount * 100);
  const balanceAfterFen = (context.balances[data.productLine] ?? 0) + amountFen;
  const { amount: _amount, ...rest } = data;
  return [{ type: 'ReceiptRecorded', data: { ...rest, amountFen, balanceAfterFen, recordedBy: meta.actor.id, recordedAt: meta.now } }];
}

/** The facts a money-moving command must be decided with; a path that forgot to read them is refused, never let through unchecked. */
export function prepaymentFacts(services: CustomerServices): PrepaymentFacts {
  if (!services.prepayment) throw new DomainRuleViolation('COMMAND', 'prepayment facts were not read before this pickup was decided', 'warehouse');
  return services.prepayment;
}

/**
 * R-PRIN-4 for a new pickup: under a sales contract in force that day (R-ARC-5), at a warehouse designated for the customer's product line, priced at
 * the price in force there at the start of the pickup's day (Beijing), covered by the balance.
 * Null when the rule is not yet in force for the product line.
 */
export function chargeForPickup(context: CustomerContext, facts: PrepaymentFacts, date: string, warehouse: string, kg: number): PickupCharge | null {
  const line = context.productLine;
  if (!line || !facts.enforced(line)) return null;
  if (!facts.isDesignated(line, warehouse)) throw new DomainRuleViolation(PREPAYMENT_RULE, `goods are collected only at a warehouse designated for ${line}; ${warehouse} is not one`, 'data.warehouse');
  if (!facts.contractCovers(context.customerId ?? '', line, date)) throw new DomainRuleViolation('R-ARC-5', `no signed sales contract for ${line} is in force on ${date}`, 'data.date');
  const priceFen = facts.priceFenAt(line, warehouse, `${date}T00:00:00+08:00`);
  if (priceFen === null) throw new DomainRuleViolation('R-PRICE-1', `no price approved for ${line} at ${warehouse} on ${date}`, 'data.warehouse');
  const amountFen = amountFenOf(kg, priceFen);
  const balance = context.balances[line] ?? 0;
  if (amountFen > balance) {
    throw new DomainRuleViolation(PREPAYMENT_RULE, `款到发货: the pickup costs ${yuan(amountFen)} yuan, the prepayment balance is ${yuan(balance)} yuan (short by ${yuan(amountFen - balance)})`, 'data.tonnes');
  }
  return { priceFen, amountFen, balanceAfterFen: balance - amountFen };
}

/** A correction moves the charge by the difference at the pickup's own price; an increase must still be covered. */
export function chargeForCorrection(context: CustomerContext, pickup: PickupState, kg: number): { deltaFen: number; balanceAfterFen: number } | null {
  if (!pickup.priceFen || !context.productLine) return null;
  const deltaFen = amountFenOf(kg, pickup.priceFen) - amountFenOf(pickup.kg, pickup.priceFen);
  const balanceAfterFen = (context.balances[context.productLine] ?? 0) - deltaFen;
  if (balanceAfterFen < 0) throw new DomainRuleViolation(PREPAYMENT_RULE, `款到发货: the correction needs ${yuan(deltaFen)} yuan more than the balance holds (short by ${yuan(-balanceAfterFen)})`, 'data.tonnes');
  return { deltaFen, balanceAfterFen };
}

/** A voided pickup's charge goes back to the account. */
export const creditForVoid = (pickup: PickupState): number | null => (pickup.priceFen ? amountFenOf(pickup.kg, pickup.priceFen) : null);
