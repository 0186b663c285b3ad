import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';

/** R-ALLOC-1: classes in the order they are served. Names as libs/customers spells sales objects. */
export const ALLOCATION_ORDER = ['direct', 'exclusive_agent', 'distributor'] as const;
export const AllocationClass = z.enum(ALLOCATION_ORDER);
export type AllocationClass = z.infer<typeof AllocationClass>;

export const AllocationDemand = z.object({
  customerId: freeText(100),
  salesObject: AllocationClass,
  /** what the customer asked for: an agent's monthly sales plan (R-TIER-7) or a customer's request */
  kg: z.number().int().min(0).max(1_000_000_000),
  source: z.enum(['sales_plan', 'request']),
  /** actual ÷ planned (or ÷ allocated) pickups of the month before; null when there is nothing to compare */
  completionRate: z.number().min(0).max(100).nullable(),
  /** 1 − CV of weekly pickups (see weeklyEvenness); null without pickups */
  evenness: z.number().min(0).max(1).nullable(),
  /** 配合度: the sales department's 0..1 score of an agent's cooperation (R-ALLOC-3); absent on proposals before it was recorded */
  cooperation: z.number().min(0).max(1).nullable().optional(),
  /** R-ALLOC-2 依据客户评审结果: the outcome of the last concluded review (R-EVAL-2); absent when none is on record */
  review: z.enum(['keep', 'up', 'down', 'exit']).nullable().optional(),
});
export type AllocationDemand = z.infer<typeof AllocationDemand>;

export interface AllocationLine extends AllocationDemand {
  /** 1-based order of service within the class; direct customers share one rank (served pro rata); 0: not served (the review ended it) */
  rank: number;
  /** the ordering score within the class (R-ALLOC-3); null for direct customers */
  score: number | null;
  allocatedKg: number;
}
export interface Allocation {
  availableKg: number;
  demandKg: number;
  allocatedKg: number;
  shortfallKg: number;
  lines: AllocationLine[];
}

const byId = (a: { customerId: string }, b: { customerId: string }) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
const capped = (rate: number | null) => (rate === null ? 0 : Math.min(1, rate));

/**
 * R-ALLOC-3 scores (提货完成率高、配合度好的代理商优先). Agents: the mean of the pickup-completion rate
 * (capped at 1: picking up more than planned is not better than picking up the plan) and the recorded
 * cooperation score; completion alone where no cooperation was recorded. Distributors: the mean of
 * capped completion and weekly evenness. Missing figures count as 0 — an unknown record is served
 * after a known one.
 */
export function allocationScore(demand: AllocationDemand): number | null {
  if (demand.salesObject === 'direct') return null;
  if (demand.salesObject === 'exclusive_agent') {
    const cooperation = demand.cooperation ?? null;
    return cooperation === null ? capped(demand.completionRate) : (capped(demand.completionRate) + cooperation) / 2;
  }
  return (capped(demand.completionRate) + (demand.evenness ?? 0)) / 2;
}

/** Pro rata by demand in whole kilograms; the remainder goes by largest fraction, then id. */
function proRata(demands: readonly AllocationDemand[], availableKg: number): Map<string, number> {
  const total = demands.reduce((s, d) => s + d.kg, 0);
  const shares = demands.map((d) => {
    const exact = (d.kg * availableKg) / total;
    return { d, kg: Math.floor(exact), fraction: exact - Math.floor(exact) };
  });
  let left = availableKg - shares.reduce((s, x) => s + x.kg, 0);
  for (const s of [...shares].sort((x, y) => y.fraction - x.fraction || byId(x.d, y.d))) {
    if (left <= 0) break;
    if (s.kg < s.d.kg) {
      s.kg += 1;
      left -= 1;
    }
  }
  return new Map(shares.map((s) => [s.d.customerId, s.kg]));
}

/**
 * R-ALLOC-1..3: the month's volume given class by class — direct sales first, exclusive agents
 * second, distributors last; a class gets nothing while a class before it is short. Inside the
 * class where volume runs out, agents and distributors are served whole in score order (ties by
 * id); direct customers, for whom the rules name no order, share what is left pro rata.
 */
/** R-ALLOC-2: inside a class, a customer the review moved up is served before one it kept, and one it moved down after. */
const REVIEW_ORDER: Record<string, number> = { up: 0, keep: 1, down: 2 };
const reviewRank = (d: AllocationDemand) => REVIEW_ORDER[d.review ?? 'keep'] ?? 1;

export function allocate(availableKg: number, demands: readonly AllocationDemand[]): Allocation {
  const seen = new Set<string>();
  for (const d of demands) {
    if (seen.has(d.customerId)) throw new RangeError(`customer ${d.customerId} has more than one demand`);
    seen.add(d.customerId);
  }
  let left = availableKg;
  const lines: AllocationLine[] = [];
  for (const salesObject of ALLOCATION_ORDER) {
    const inClass = demands.filter((d) => d.salesObject === salesObject && d.review !== 'exit');
    if (salesObject === 'direct') {
      const total = inClass.reduce((s, d) => s + d.kg, 0);
      const given = total <= left ? new Map(inClass.map((d) => [d.customerId, d.kg])) : proRata(inClass, left);
      for (const d of [...inClass].sort(byId)) lines.push({ ...d, rank: 1, score: null, allocatedKg: given.get(d.customerId) ?? 0 });
      left -= Math.min(total, left);
      continue;
    }
    const ordered = inClass.map((d) => ({ d, score: allocationScore(d) ?? 0 })).sort((x, y) => reviewRank(x.d) - reviewRank(y.d) || y.score - x.score || byId(x.d, y.d));
    ordered.forEach(({ d, score }, i) => {
      const given = Math.min(d.kg, left);
      left -= given;
      lines.push({ ...d, rank: i + 1, score, allocatedKg: given });
    });
  }
  // R-ALLOC-2: a customer the review ends (exit) is allocated nothing, whatever it asked for; its line says so (rank 0)
  for (const d of [...demands].filter((x) => x.review === 'exit').sort(byId)) lines.push({ ...d, rank: 0, score: null, allocatedKg: 0 });
  const demandKg = demands.filter((d) => d.review !== 'exit').reduce((s, d) => s + d.kg, 0);
  const allocatedKg = lines.reduce((s, l) => s + l.allocatedKg, 0);
  return { availableKg, demandKg, allocatedKg, shortfallKg: demandKg - allocatedKg, lines };
}
