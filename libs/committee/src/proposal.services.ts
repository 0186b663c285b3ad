import type { CommitteeCharter, PolicyKind } from './committee.shapes';

/** A policy version as its own schema reads it, or why it cannot be proposed (field within the content). */
export type PolicyCheck =
  | { ok: true; version: string; previousVersion: string | null; content: Record<string, unknown> }
  | { ok: false; rule: string; field: string; message: string };

/** Facts a proposal is decided on, read by the app before deciding (deciders are synchronous and pure). */
export interface ProposalServices {
  /** the charter in force now; a proposal copies it */
  charter: CommitteeCharter | null;
  /** R-PRIN-4: whether the company designates the warehouse for the product line */
  isDesignated(productLineId: string, warehouseId: string): boolean;
  /** the price in force at an instant, in fen per tonne (null: none yet) */
  priceFenAt(productLineId: string, warehouseId: string, at: string): number | null;
  /** policy proposals only: the kind's own schema and its versions so far */
  checkPolicy?(kind: PolicyKind, content: Record<string, unknown>): PolicyCheck;
}
