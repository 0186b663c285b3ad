import type { ProposalEvent, ViolationEvent } from '@crm/committee';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { ensureColumns } from '../read-models/ensure-columns';

export const PROPOSALS_TABLE = 'committee_proposals';
export const VIOLATIONS_TABLE = 'violation_cases';
export const COMMITTEE_PROJECTION = 'committee';

type Committee = ProposalEvent | ViolationEvent;
const STATUS: Partial<Record<Committee['type'], string>> = {
  ProposalApproved: 'approved', ProposalRejected: 'rejected', ProposalEscalatedToGroup: 'escalated', ProposalWithdrawn: 'withdrawn', ViolationCaseDecided: 'decided',
};

/** The committee's agenda: proposals with their standing, and the violation cases (R-PRICE-1/2). */
export const committeeProjection: Projection = {
  name: COMMITTEE_PROJECTION,
  // v2: policy proposals (R-PRICE-1 审议公司客户管理方案和机制) beside the price ones
  version: 2,
  eventTypes: ['PriceProposalSubmitted', 'PolicyProposalSubmitted', 'CommitteeVoteCast', 'ProposalApproved', 'ProposalRejected', 'ProposalEscalatedToGroup', 'ProposalWithdrawn', 'ViolationCaseOpened', 'ViolationCaseDecided'],
  tables: [{ name: PROPOSALS_TABLE, orderBy: 'proposal_id' }, { name: VIOLATIONS_TABLE, orderBy: 'case_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.createTable(PROPOSALS_TABLE).ifNotExists()
      .addColumn('proposal_id', 'text', (c) => c.primaryKey()).addColumn('status', 'text', (c) => c.notNull())
      .addColumn('product_line_id', 'text', (c) => c.notNull()).addColumn('warehouse_id', 'text', (c) => c.notNull())
      .addColumn('price_fen', big, (c) => c.notNull()).addColumn('previous_price_fen', big).addColumn('change_percent', 'real')
      .addColumn('effective_from', 'text', (c) => c.notNull()).addColumn('proposed_by', 'text', (c) => c.notNull()).addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('decided_at', 'text').addColumn('decided_by', 'text')
      .addColumn('last_position', big, (c) => c.notNull()).execute();
    await ensureColumns(db, PROPOSALS_TABLE, [['kind', 'text'], ['policy_kind', 'text'], ['policy_version', 'text']]);
    await db.schema.createTable(VIOLATIONS_TABLE).ifNotExists()
      .addColumn('case_id', 'text', (c) => c.primaryKey()).addColumn('status', 'text', (c) => c.notNull()).addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text').addColumn('opened_by', 'text', (c) => c.notNull()).addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('finding', 'text').addColumn('sanction', 'text').addColumn('decided_at', 'text')
      .addColumn('last_position', big, (c) => c.notNull()).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(PROPOSALS_TABLE).execute();
    await trx.deleteFrom(VIOLATIONS_TABLE).execute();
  },
  async apply(stored: StoredEvent, trx: Kysely<any>) {
    const event = { type: stored.type, data: stored.data } as Committee;
    if (event.type === 'PriceProposalSubmitted') {
      const c = event.data.change;
      await trx.insertInto(PROPOSALS_TABLE).values({
        proposal_id: event.data.proposalId, status: 'voting', product_line_id: c.productLineId, warehouse_id: c.warehouseId, price_fen: c.priceFen,
        previous_price_fen: c.previousPriceFen, change_percent: c.changePercent, effective_from: c.effectiveFrom, proposed_by: event.data.by,
        submitted_at: event.data.at, kind: 'price', last_position: stored.position,
      }).onConflict((oc) => oc.column('proposal_id').doNothing()).execute();
      return;
    }
    if (event.type === 'PolicyProposalSubmitted') {
      // the price columns were laid out for prices: a policy fills them with '-' and 0, its own columns say what it is
      const p = event.data.policy;
      await trx.insertInto(PROPOSALS_TABLE).values({
        proposal_id: event.data.proposalId, status: 'voting', kind: 'policy', policy_kind: p.kind, policy_version: p.version,
        product_line_id: '-', warehouse_id: '-', price_fen: 0, effective_from: event.data.at, proposed_by: event.data.by, submitted_at: event.data.at, last_position: stored.position,
      }).onConflict((oc) => oc.column('proposal_id').doNothing()).execute();
      return;
    }
    if (event.type === 'ViolationCaseOpened') {
      const d = event.data;
      await trx.insertInto(VIOLATIONS_TABLE).values({ case_id: d.caseId, status: 'open', kind: d.kind, customer_id: d.customerId, opened_by: d.by, opened_at: d.at, last_position: stored.position })
        .onConflict((oc) => oc.column('case_id').doNothing()).execute();
      return;
    }
    if (event.type === 'ViolationCaseDecided') {
      const d = event.data;
      await trx.updateTable(VIOLATIONS_TABLE).set({ status: 'decided', finding: d.finding, sanction: d.sanction?.kind ?? null, decided_at: d.at, last_position: stored.position })
        .where('case_id', '=', d.caseId).where('last_position', '<', stored.position).execute();
      return;
    }
    await applyToProposal(stored, event, trx);
  },
};

async function applyToProposal(stored: StoredEvent, event: Committee, trx: Kysely<any>) {
  const proposalId = stored.streamId.slice('committee-proposal-'.length);
  const status = STATUS[event.type];
  const decided = event.type === 'ProposalApproved' || event.type === 'ProposalRejected' ? { decided_at: event.data.at, decided_by: event.data.decidedBy } : {};
  const votes = event.type === 'CommitteeVoteCast' ? { votes: (eb: any) => eb('votes', '+', 1) } : {};
  await trx.updateTable(PROPOSALS_TABLE).set({ ...(status ? { status } : {}), ...decided, ...votes, last_position: stored.position } as never)
    .where('proposal_id', '=', proposalId).where('last_position', '<', stored.position).execute();
}
