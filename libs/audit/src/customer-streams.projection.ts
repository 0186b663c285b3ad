import { preparedQuery, type Projection, type ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { customerLinkOf } from './customer-link';

export const CUSTOMER_STREAMS_TABLE = 'audit_customer_streams';

export interface CustomerStreamRow {
  customerId: string;
  streamId: string;
  firstPosition: number;
  lastPosition: number;
  /** occurredAt of the stream's first and last event (what-if picks complaints by period) */
  firstAt: string;
  lastAt: string;
}

/**
 * customerId ↔ streamId with the first and last global position, so that history, as-of and
 * verification read only the customer's own streams (issue 8's performance goal). Idempotent:
 * the first position is written once, the last only moves forwards.
 */
export const customerStreamsProjection: Projection = {
  name: 'customer-streams',
  version: 1,
  tables: [{ name: CUSTOMER_STREAMS_TABLE, orderBy: 'stream_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(CUSTOMER_STREAMS_TABLE)
      .ifNotExists()
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('first_position', bigint, (c) => c.notNull())
      .addColumn('last_position', bigint, (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${CUSTOMER_STREAMS_TABLE}_customer`).ifNotExists().on(CUSTOMER_STREAMS_TABLE).columns(['customer_id', 'first_position']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(CUSTOMER_STREAMS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const customerId = customerLinkOf(event) ?? (await knownCustomerOf(trx, event.streamId));
    if (!customerId) return;
    await recordStream.execute(trx, { streamId: event.streamId, customerId, position: event.position, at: String(event.metadata.occurredAt) });
  },
};

// it reads every event of the store: its two queries are built once (see preparedQuery)
const recordStream = preparedQuery<{ streamId: string; customerId: string; position: number; at: string }>((db, p) =>
  db
    .insertInto(CUSTOMER_STREAMS_TABLE)
    .values({ stream_id: p.streamId, customer_id: p.customerId, first_position: p.position, last_position: p.position, first_at: p.at, last_at: p.at })
    .onConflict((oc) =>
      oc.column('stream_id').doUpdateSet({ last_position: p.position, last_at: p.at }).where(`${CUSTOMER_STREAMS_TABLE}.last_position`, '<', p.position),
    ),
);
const customerOfStream = preparedQuery<{ streamId: string }, { customer_id: string }>((db, p) =>
  db.selectFrom(CUSTOMER_STREAMS_TABLE).select('customer_id').where('stream_id', '=', p.streamId),
);

async function knownCustomerOf(trx: Kysely<any>, streamId: string): Promise<string | null> {
  return (await customerOfStream.execute(trx, { streamId })).rows[0]?.customer_id ?? null;
}

/** The customer's streams, oldest first. */
export async function findCustomerStreams(db: Kysely<any>, customerId: string): Promise<CustomerStreamRow[]> {
  const rows = await db.selectFrom(CUSTOMER_STREAMS_TABLE).selectAll().where('customer_id', '=', customerId).orderBy('first_position').execute();
  return rows.map(toRow);
}

/** Streams with a prefix whose last event falls in [from, to] (what-if: complaints of a period). */
export async function findStreamsActiveIn(db: Kysely<any>, prefix: string, from: string, to: string, customerId?: string): Promise<CustomerStreamRow[]> {
  let query = db.selectFrom(CUSTOMER_STREAMS_TABLE).selectAll().where('stream_id', 'like', `${prefix}%`);
  if (customerId) query = query.where('customer_id', '=', customerId);
  const rows = await query.orderBy('first_position').execute();
  // ISO strings with mixed offsets do not compare as text: filter on parsed instants
  const [lo, hi] = [Date.parse(from), Date.parse(to)];
  return rows.map(toRow).filter((r) => Date.parse(r.lastAt) >= lo && Date.parse(r.firstAt) <= hi);
}

function toRow(row: Record<string, unknown>): CustomerStreamRow {
  return {
    customerId: String(row.customer_id),
    streamId: String(row.stream_id),
    firstPosition: Number(row.first_position),
    lastPosition: Number(row.last_position),
    firstAt: String(row.first_at),
    lastAt: String(row.last_at),
  };
}
