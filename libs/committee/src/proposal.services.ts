import type { CommitteeCharter } from './committee.shapes';

/** Facts a proposal is decided on, read by the app before deciding (deciders are synchronous and pure). */
export interface ProposalServices {
  /** the charter in force now; a proposal copies it */
  charter: CommitteeCharter | null;
  /** R-PRIN-4: whether the company designates the warehouse for the product line */
  isDesignated(productLineId: string, warehouseId: string): boolean;
  /** the price in force at an instant, in fen per tonne (null: none yet) */
  priceFenAt(productLineId: string, warehouseId: string, at: string): number | null;
}
