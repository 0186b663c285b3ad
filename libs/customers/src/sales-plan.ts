import type { SalesPlanLine } from './customer.shapes';
import type { CustomerContext } from './customer.context';
import { toTonnes } from './customer.context';
import { monthOf } from './shanghai-time';

export interface PlanToCompare {
  month: string;
  lines: readonly SalesPlanLine[];
}
export interface PickupToCompare {
  date: string;
  tonnes: number;
}
export interface PlanAdherence {
  month: string;
  plannedTonnes: number;
  actualTonnes: number;
  /** actual / planned; null when nothing was planned */
  completionRate: number | null;
  /** per plan line: tonnes picked up inside its pickup window (windows may overlap) */
  lines: Array<SalesPlanLine & { pickedInWindowTonnes: number }>;
  /** tonnes picked up in the month outside every planned window */
  outsideWindowsTonnes: number;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const sum = (values: number[]) => round3(values.reduce((a, b) => a + b, 0));
const inWindow = (date: string, line: SalesPlanLine) => date >= line.pickupWindow.from && date <= line.pickupWindow.to;

/**
 * R-TIER-7 / R-ALLOC-3: how far an exclusive agent's actual pickups followed its monthly plan.
 * Pickups name no end customer, so adherence is measured in quantity and timing, not per customer.
 */
export function planAdherence(plan: PlanToCompare, pickups: readonly PickupToCompare[]): PlanAdherence {
  const inMonth = pickups.filter((p) => monthOf(p.date) === plan.month);
  const plannedTonnes = sum(plan.lines.map((l) => l.quantity));
  const actualTonnes = sum(inMonth.map((p) => p.tonnes));
  return {
    month: plan.month,
    plannedTonnes,
    actualTonnes,
    completionRate: plannedTonnes > 0 ? round3(actualTonnes / plannedTonnes) : null,
    lines: plan.lines.map((line) => ({ ...line, pickedInWindowTonnes: sum(inMonth.filter((p) => inWindow(p.date, line)).map((p) => p.tonnes)) })),
    outsideWindowsTonnes: sum(inMonth.filter((p) => !plan.lines.some((l) => inWindow(p.date, l))).map((p) => p.tonnes)),
  };
}

/** The live pickups of a customer's context, ready for `planAdherence`. */
export function livePickups(context: CustomerContext): PickupToCompare[] {
  return context.pickups
    .values()
    .filter((p) => !p.voided)
    .map((p) => ({ date: p.date, tonnes: toTonnes(p.kg) }));
}
