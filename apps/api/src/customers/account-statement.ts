import type { CustomerEvent } from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';

export interface StatementEntry {
  at: string;
  date: string;
  kind: 'receipt' | 'pickup' | 'correction' | 'void';
  reference: string;
  tonnes: number | null;
  priceFen: number | null;
  /** money into the account (+) or out of it (−), fen */
  amountFen: number;
  balanceAfterFen: number;
}

/** R-PRIN-4 and 第五条 结算、开票: every movement of a customer's prepayment account, read from its archive stream. */
export function accountMovements(events: readonly StoredEvent[]): StatementEntry[] {
  const out: StatementEntry[] = [];
  const prices = new Map<string, number>();
  let balance = 0;
  for (const stored of events) {
    const e = { type: stored.type, data: stored.data } as CustomerEvent;
    const entry = movementOf(e, prices, balance, stored.metadata.occurredAt);
    if (!entry) continue;
    balance = entry.balanceAfterFen;
    out.push(entry);
  }
  return out;
}

function movementOf(e: CustomerEvent, prices: Map<string, number>, balance: number, at: string): StatementEntry | null {
  switch (e.type) {
    case 'ReceiptRecorded':
      return { at, date: e.data.receivedOn, kind: 'receipt', reference: `${e.data.receiptId} ${e.data.reference}`, tonnes: null, priceFen: null, amountFen: e.data.amountFen, balanceAfterFen: e.data.balanceAfterFen };
    case 'PickupRecorded':
      if (!e.data.charge) return null;
      prices.set(e.data.pickupId, e.data.charge.priceFen);
      return { at, date: e.data.date, kind: 'pickup', reference: `${e.data.pickupId} ${e.data.warehouse}`, tonnes: e.data.tonnes, priceFen: e.data.charge.priceFen, amountFen: -e.data.charge.amountFen, balanceAfterFen: e.data.charge.balanceAfterFen };
    case 'PickupCorrected':
      if (!e.data.charge) return null;
      return { at, date: e.data.effectiveDate, kind: 'correction', reference: e.data.pickupId, tonnes: e.data.tonnes, priceFen: prices.get(e.data.pickupId) ?? null, amountFen: -e.data.charge.deltaFen, balanceAfterFen: e.data.charge.balanceAfterFen };
    case 'PickupVoided':
      if (!e.data.creditFen) return null;
      return { at, date: e.data.effectiveDate, kind: 'void', reference: e.data.pickupId, tonnes: -e.data.tonnes, priceFen: prices.get(e.data.pickupId) ?? null, amountFen: e.data.creditFen, balanceAfterFen: balance + e.data.creditFen };
    default:
      return null;
  }
}

/** One month's statement (by movement date, Beijing): opening balance, the movements, closing balance. */
export function monthlyStatement(movements: readonly StatementEntry[], month: string) {
  const before = movements.filter((m) => m.date < `${month}-01`);
  const inMonth = movements.filter((m) => m.date.startsWith(month));
  const opening = before.reduce((s, m) => s + m.amountFen, 0);
  const closing = inMonth.reduce((s, m) => s + m.amountFen, opening);
  const sum = (kind: StatementEntry['kind']) => inMonth.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountFen, 0);
  return { month, openingFen: opening, receiptsFen: sum('receipt'), pickupsFen: -(sum('pickup') + sum('correction') + sum('void')), closingFen: closing, entries: inMonth };
}
