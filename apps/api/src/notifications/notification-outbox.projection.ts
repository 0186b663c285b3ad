import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';

export const OUTBOX_TABLE = 'notification_outbox';

/** A recipient is a department or role name (`finance`, `plant_offices`, `customer_manager`, `supervisor` …). */
export const RECIPIENT_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * R-ARC-2, R-ONB-4: every stored event whose data names `notify` recipients becomes one outbox
 * row per recipient. Any context opts in by putting `notify: [...]` in its event data; the row id
 * is `<eventId>:<recipient>`, so replaying an event inserts nothing new. Delivery state lives in
 * the deliverer's own tables, so a rebuild of the outbox never re-sends what was delivered.
 */
export const notificationOutboxProjection: Projection = {
  name: 'notification_outbox',
  version: 1,
  handles: () => true,
  tables: [{ name: OUTBOX_TABLE, orderBy: 'notification_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(OUTBOX_TABLE)
      .ifNotExists()
      .addColumn('notification_id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('position', big, (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('addressee', 'text')
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('workflow', 'text')
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notification_outbox_recipient').ifNotExists().on(OUTBOX_TABLE).columns(['recipient', 'position']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(OUTBOX_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const rows = outboxRowsOf(event);
    if (rows.length === 0) return;
    await trx.insertInto(OUTBOX_TABLE).values(rows).onConflict((oc) => oc.column('notification_id').doNothing()).execute();
  },
};

function outboxRowsOf(event: StoredEvent) {
  const notify = (event.data as { notify?: unknown }).notify;
  if (!Array.isArray(notify)) return [];
  const recipients = [...new Set(notify.filter((r): r is string => typeof r === 'string' && RECIPIENT_PATTERN.test(r)))];
  return recipients.map((recipient) => ({
    notification_id: `${event.id}:${recipient}`,
    event_id: event.id,
    position: event.position,
    recipient,
    addressee: addresseeOf(event, recipient),
    event_type: event.type,
    stream_id: event.streamId,
    workflow: typeof event.metadata.workflow === 'string' ? event.metadata.workflow : null,
    occurred_at: event.metadata.occurredAt,
    actor: event.metadata.actor ?? null,
    payload: JSON.stringify(event.data),
  }));
}

/** A personal recipient (the customer's manager) is addressed by the user id the event names. */
function addresseeOf(event: StoredEvent, recipient: string): string | null {
  if (recipient !== 'customer_manager') return null;
  const id = (event.data as { customerManagerId?: unknown }).customerManagerId;
  return typeof id === 'string' ? id : null;
}
