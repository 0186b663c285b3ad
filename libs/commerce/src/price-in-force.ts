import type { PriceBookContext } from './price-book.context';
import type { PriceSet } from './price-book.events';

export interface PriceExplanation {
  at: string;
  inForce: PriceSet | null;
  /** the price it replaced, when there was one */
  previous: PriceSet | null;
  /** prices decided but not yet in force at `at` */
  upcoming: PriceSet[];
}

/**
 * The price in force at an instant: of the entries effective by then, the one effective latest;
 * two effective at the same instant are told apart by the later decision. Pure: the book is the
 * truth and the question names its instant, as a deadline does.
 */
export function priceAt(book: PriceBookContext, at: string): PriceSet | null {
  return explainPrice(book, at).inForce;
}

export function explainPrice(book: PriceBookContext, at: string): PriceExplanation {
  const t = Date.parse(at);
  const ordered = [...book.entries].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom) || Date.parse(a.decidedAt) - Date.parse(b.decidedAt));
  const effective = ordered.filter((e) => Date.parse(e.effectiveFrom) <= t);
  return {
    at,
    inForce: effective.at(-1) ?? null,
    previous: effective.at(-2) ?? null,
    upcoming: ordered.filter((e) => Date.parse(e.effectiveFrom) > t),
  };
}
