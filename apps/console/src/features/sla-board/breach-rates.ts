import type { StatsCell } from './sla.api';

export interface RateBar {
  key: string;
  classified: number;
  breached: number;
  /** 0..1, null when nothing was classified (no rate, not a zero rate) */
  rate: number | null;
}

/** Sums the API's (month, class, department) cells by one dimension, in the order of `keys`. */
export function ratesBy(cells: readonly StatsCell[], dimension: 'class' | 'month', keys: readonly string[]): RateBar[] {
  return keys.map((key) => {
    const mine = cells.filter((c) => c[dimension] === key);
    const classified = mine.reduce((n, c) => n + c.classified, 0);
    const breached = mine.reduce((n, c) => n + c.breached, 0);
    return { key, classified, breached, rate: classified ? breached / classified : null };
  });
}

/** '2026-03' and the eleven months before it, oldest first. */
export function lastMonths(to: string, count: number): string[] {
  const [y, m] = to.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
