export interface Adjustment { previousTonnes: number; reason: string; by: string; at: string }
export interface AllocationLine {
  customerId: string; salesObject: string; source: string; rank: number; score: number | null; completionRate: number | null; evenness: number | null; cooperation: number | null;
  demandTonnes: number; allocatedTonnes: number; adjustment: Adjustment | null;
}
export type ProductLine = 'polyolefin' | 'other_chemicals';
export const PRODUCT_LINES: readonly ProductLine[] = ['polyolefin', 'other_chemicals'];
/** GET /allocations/:month/:productLine as far as the workbench reads it. */
export interface Proposal {
  month: string; productLine: ProductLine; round: number; inForce: { round: number } | null; status: 'draft' | 'approved' | 'returned'; availableTonnes: number; demandTonnes: number; allocatedTonnes: number; shortfallTonnes: number;
  note: string | null; decidedBy: string | null; decidedAt: string | null; decisionText: string | null; lines: AllocationLine[];
}
/** The workflow instance a proposal's tasks name (libs/key-accounts allocationIdOf). */
export const allocationInstance = (line: ProductLine, month: string) => `${line}-${month}`;
/** This month in Beijing: allocations are proposed for the month they serve. */
export const beijingMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
