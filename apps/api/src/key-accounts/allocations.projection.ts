import { parseAllocationId, type AllocationEvent, type AllocationLine } from '@crm/key-accounts';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';

/** Per product line and month since allocations are per product line; the month-keyed table before it is dropped. */
export const ALLOCATIONS_TABLE = 'resource_allocations_by_line';
const PREVIOUS_TABLE = 'resource_allocations';
const STREAM_PREFIX = 'resource-allocation-';

const big = (dialect: ReadModelDialect) => (dialect === 'postgres' ? 'bigint' : 'integer');
const eventOf = (event: StoredEvent) => ({ type: event.type, data: event.data }) as AllocationEvent;

/** A line as the read model keeps it: the computed line, and the manual change (with its reason) when there was one. */
export type AllocationRowLine = AllocationLine & { adjustment?: { previousKg: number; reason: string; by: string; at: string } };

/** A row of the table as read back (numbers may come back as strings from PostgreSQL's bigint). */
export interface AllocationRow {
  allocation_id: string; month: string; product_line: string | null; round: number | string; status: string;
  available_kg: number | string; demand_kg: number | string; allocated_kg: number | string; shortfall_kg: number | string;
  /** JSON: AllocationRowLine[] */
  lines: string; approved_round: number | string | null; approved_lines: string | null;
  note: string | null; proposed_by: string; proposed_at: string; decided_by: string | null; decided_at: string | null; decision_text: string | null;
  last_position: number | string;
}

/**
 * R-ALLOC-2 / R-EVAL-2: each product line's month — the latest proposal, its lines with their
 * manual adjustments, its decision, and the allocation in force (the last approved lines, kept
 * while an amendment is under review).
 */
export const allocationsProjection: Projection = {
  name: ALLOCATIONS_TABLE,
  version: 1,
  eventTypes: ['AllocationProposed', 'AllocationAdjusted', 'AllocationApproved', 'AllocationReturned'],
  tables: [{ name: ALLOCATIONS_TABLE, orderBy: 'allocation_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema.dropTable(PREVIOUS_TABLE).ifExists().execute();
    await db.schema
      .createTable(ALLOCATIONS_TABLE)
      .ifNotExists()
      .addColumn('allocation_id', 'text', (c) => c.primaryKey())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('product_line', 'text')
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('available_kg', big(dialect), (c) => c.notNull())
      .addColumn('demand_kg', big(dialect), (c) => c.notNull())
      .addColumn('allocated_kg', big(dialect), (c) => c.notNull())
      .addColumn('shortfall_kg', big(dialect), (c) => c.notNull())
      .addColumn('lines', 'text', (c) => c.notNull())
      .addColumn('approved_round', 'integer')
      .addColumn('approved_lines', 'text')
      .addColumn('note', 'text')
      .addColumn('proposed_by', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_text', 'text')
      .addColumn('last_position', big(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${ALLOCATIONS_TABLE}_month`).ifNotExists().on(ALLOCATIONS_TABLE).columns(['month']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(ALLOCATIONS_TABLE).execute();
  },
  async apply(stored: StoredEvent, trx: Kysely<any>) {
    if (!stored.streamId.startsWith(STREAM_PREFIX)) return;
    const id = stored.streamId.slice(STREAM_PREFIX.length);
    const existing = await trx.selectFrom(ALLOCATIONS_TABLE).select(['last_position', 'lines']).where('allocation_id', '=', id).executeTakeFirst();
    if (existing && Number(existing.last_position) >= stored.position) return;
    const event = eventOf(stored);
    const update = (patch: Record<string, unknown>) => trx.updateTable(ALLOCATIONS_TABLE).set({ ...patch, last_position: stored.position }).where('allocation_id', '=', id).execute();
    switch (event.type) {
      case 'AllocationProposed': {
        const d = event.data;
        const row = {
          month: d.month, product_line: d.productLine ?? parseAllocationId(id)?.productLine ?? null, round: d.round, status: 'draft', available_kg: d.availableKg,
          demand_kg: d.demandKg, allocated_kg: d.allocatedKg, shortfall_kg: d.shortfallKg, lines: JSON.stringify(d.lines), note: d.note, proposed_by: d.proposedBy,
          proposed_at: d.proposedAt, decided_by: null, decided_at: null, decision_text: null, last_position: stored.position,
        };
        await trx.insertInto(ALLOCATIONS_TABLE).values({ allocation_id: id, ...row }).onConflict((oc) => oc.column('allocation_id').doUpdateSet(row)).execute();
        return;
      }
      case 'AllocationAdjusted': {
        const d = event.data;
        const lines = (JSON.parse(String(existing?.lines ?? '[]')) as AllocationRowLine[]).map((l) =>
          l.customerId === d.customerId ? { ...l, allocatedKg: d.allocatedKg, adjustment: { previousKg: l.adjustment?.previousKg ?? d.previousKg, reason: d.reason, by: d.adjustedBy, at: d.adjustedAt } } : l,
        );
        const allocated = lines.reduce((s, l) => s + l.allocatedKg, 0);
        const demand = lines.reduce((s, l) => s + l.kg, 0);
        await update({ lines: JSON.stringify(lines), allocated_kg: allocated, shortfall_kg: demand - allocated });
        return;
      }
      case 'AllocationApproved':
        await update({ status: 'approved', decided_by: event.data.approvedBy, decided_at: event.data.approvedAt, decision_text: event.data.comment, approved_round: event.data.round, approved_lines: existing?.lines ?? '[]' });
        return;
      case 'AllocationReturned':
        await update({ status: 'returned', decided_by: event.data.returnedBy, decided_at: event.data.returnedAt, decision_text: event.data.reason });
        return;
    }
  },
};
