import { Inject, Injectable } from '@nestjs/common';
import { CATALOGUE_ID, type CatalogueContext, catalogueWorkflow, isDesignatedFor, type PriceBookContext, priceAt, priceBookIdOf, priceBookWorkflow } from '@crm/commerce';
import { CHARTER_ID, type CharterContext, charterWorkflow, type CommitteeCharter, type ProposalServices } from '@crm/committee';
import type { WorkflowEngine } from '@crm/engine';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';

/**
 * The facts committee decisions stand on, read from their streams (not read models: a charter or
 * a price just decided counts at once) and handed to the synchronous deciders as services.
 */
@Injectable()
export class CommitteeFacts {
  constructor(@Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine) {}

  async charter(): Promise<CommitteeCharter | null> {
    return ((await this.engine.load(charterWorkflow, CHARTER_ID)).state.context as CharterContext).current;
  }

  async catalogue(): Promise<CatalogueContext> {
    return (await this.engine.load(catalogueWorkflow, CATALOGUE_ID)).state.context as CatalogueContext;
  }

  async priceBook(productLineId: string, warehouseId: string): Promise<PriceBookContext> {
    return (await this.engine.load(priceBookWorkflow, priceBookIdOf(productLineId, warehouseId))).state.context as PriceBookContext;
  }

  /** Services for a price proposal on one product line at one warehouse. */
  async forProposal(productLineId: string, warehouseId: string): Promise<ProposalServices> {
    const [charter, catalogue, book] = await Promise.all([this.charter(), this.catalogue(), this.priceBook(productLineId, warehouseId)]);
    return {
      charter,
      isDesignated: (pl, wh) => isDesignatedFor(catalogue, wh, pl),
      priceFenAt: (pl, wh, at) => (pl === productLineId && wh === warehouseId ? (priceAt(book, at)?.priceFen ?? null) : null),
    };
  }
}
