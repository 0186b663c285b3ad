import type { ArchiveCheckEvent, ArchiveFilingEvent } from '@crm/customers';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const FILINGS_TABLE = 'archive_filings';
export const CHECKS_TABLE = 'archive_checks';
export const ARCHIVE_FILING_PROJECTION = 'archive-filing';

type Event = ArchiveFilingEvent | ArchiveCheckEvent;

/** R-ARC-3 (ADR 0024): the filings with the parent, pending or acknowledged, and its periodic checks. */
export const archiveFilingProjection: Projection = {
  name: ARCHIVE_FILING_PROJECTION,
  version: 1,
  eventTypes: ['ArchiveFilingOpened', 'ArchiveFilingAcknowledged', 'ArchiveCheckRecorded', 'ArchiveCheckResponded', 'ArchiveCheckClosed'],
  tables: [{ name: FILINGS_TABLE, orderBy: 'filing_id' }, { name: CHECKS_TABLE, orderBy: 'check_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.createTable(FILINGS_TABLE).ifNotExists()
      .addColumn('filing_id', 'text', (c) => c.primaryKey()).addColumn('customer_id', 'text', (c) => c.notNull()).addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source_event_type', 'text', (c) => c.notNull()).addColumn('fields', 'text', (c) => c.notNull()).addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull()).addColumn('filed_position', big, (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull())
      .addColumn('acknowledged_by', 'text').addColumn('acknowledged_at', 'text').addColumn('comment', 'text')
      .addColumn('last_position', big, (c) => c.notNull()).execute();
    await db.schema.createIndex('archive_filings_customer').ifNotExists().on(FILINGS_TABLE).columns(['customer_id', 'filed_position']).execute();
    await db.schema.createTable(CHECKS_TABLE).ifNotExists()
      .addColumn('check_id', 'text', (c) => c.primaryKey()).addColumn('period', 'text', (c) => c.notNull()).addColumn('status', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull()).addColumn('findings', 'integer', (c) => c.notNull())
      .addColumn('checker_id', 'text', (c) => c.notNull()).addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('responded_by', 'text').addColumn('responded_at', 'text').addColumn('closed_at', 'text').addColumn('conclusion', 'text')
      .addColumn('last_position', big, (c) => c.notNull()).execute();
    await db.schema.createIndex('archive_checks_period').ifNotExists().on(CHECKS_TABLE).columns(['period', 'recorded_at']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(FILINGS_TABLE).execute();
    await trx.deleteFrom(CHECKS_TABLE).execute();
  },
  async apply(stored: StoredEvent, trx: Kysely<any>) {
    const event = { type: stored.type, data: stored.data } as Event;
    const at = stored.position;
    switch (event.type) {
      case 'ArchiveFilingOpened': {
        const d = event.data;
        await trx.insertInto(FILINGS_TABLE).values({
          filing_id: d.filingId, customer_id: d.customerId, kind: d.kind, source_event_type: d.sourceEventType, fields: JSON.stringify(d.fields),
          occurred_at: d.occurredAt, filed_at: d.filedAt, filed_position: at, status: 'pending', last_position: at,
        }).onConflict((oc) => oc.column('filing_id').doNothing()).execute();
        return;
      }
      case 'ArchiveFilingAcknowledged': {
        const d = event.data;
        await later(trx, FILINGS_TABLE, 'filing_id', d.filingId, at, { status: 'acknowledged', acknowledged_by: d.acknowledgedBy, acknowledged_at: d.acknowledgedAt, comment: d.comment });
        return;
      }
      case 'ArchiveCheckRecorded': {
        const d = event.data;
        await trx.insertInto(CHECKS_TABLE).values({
          check_id: d.checkId, period: d.period, status: d.findings.length > 0 ? 'awaiting_response' : 'recorded', scope: d.scope, findings: d.findings.length,
          checker_id: d.checkerId, recorded_at: d.recordedAt, last_position: at,
        }).onConflict((oc) => oc.column('check_id').doNothing()).execute();
        return;
      }
      case 'ArchiveCheckResponded':
        await later(trx, CHECKS_TABLE, 'check_id', event.data.checkId, at, { status: 'responded', responded_by: event.data.respondedBy, responded_at: event.data.respondedAt });
        return;
      case 'ArchiveCheckClosed':
        await later(trx, CHECKS_TABLE, 'check_id', event.data.checkId, at, { status: 'closed', closed_at: event.data.closedAt, conclusion: event.data.conclusion });
        return;
      default:
    }
  },
};

/** Later facts only: replaying an older event (or the same one) over a newer row changes nothing. */
function later(trx: Kysely<any>, table: string, key: string, id: string, position: number, values: Record<string, unknown>) {
  return trx.updateTable(table).set({ ...values, last_position: position }).where(key, '=', id).where('last_position', '<', position).execute();
}
