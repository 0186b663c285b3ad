import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import { ensureColumns } from '../read-models/ensure-columns';
import { addressEvent, type OutboxAddress } from './outbox-addressing';
import {
  CUSTOMER_ROUTES_TABLE, migrateOutboxDirectory, PEOPLE_TABLE, PLANT_OFFICES_TABLE, resetOutboxDirectory, SUBJECTS_TABLE, trackDirectory,
} from './outbox-directory';
import { PERSON_MARK, personRowId } from './recipient-groups';

export const OUTBOX_TABLE = 'notification_outbox';
export { RECIPIENT_PATTERN } from './recipient-groups';

/** A group row goes to the group's channels; a person row is that person's in-app notification and e-mail. */
export type OutboxKind = 'group' | 'person';

/**
 * The one notification outbox. Every stored event whose data names `notify` groups or
 * `notifyUsers` becomes one row per group (`<eventId>:<group>`, as before people were reached, so
 * nothing delivered then is sent again) and one per person (`<eventId>:@<username>`). Replaying an
 * event inserts nothing new; delivery and read state live in tables of their own, so a rebuild
 * never re-sends what was delivered nor marks unread what was read.
 */
export const notificationOutboxProjection: Projection = {
  name: 'notification_outbox',
  version: 2,
  handles: () => true,
  tables: [
    { name: OUTBOX_TABLE, orderBy: 'notification_id' },
    { name: PEOPLE_TABLE, orderBy: 'username' },
    { name: SUBJECTS_TABLE, orderBy: 'stream_id' },
    { name: CUSTOMER_ROUTES_TABLE, orderBy: 'customer_id' },
    { name: PLANT_OFFICES_TABLE, orderBy: 'office_id' },
  ],
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
    // version 1 had neither; it is rebuilt from position zero after this
    await ensureColumns(db, OUTBOX_TABLE, [['kind', 'text'], ['customer_id', 'text'], ['via', 'text']]);
    await db.schema.createIndex('notification_outbox_recipient').ifNotExists().on(OUTBOX_TABLE).columns(['recipient', 'position']).execute();
    await db.schema.createIndex('notification_outbox_addressee').ifNotExists().on(OUTBOX_TABLE).columns(['kind', 'addressee', 'position']).execute();
    // the deliverer's "did the outbox grow" (max(position)) on every tick of an idle service
    await db.schema.createIndex('notification_outbox_position').ifNotExists().on(OUTBOX_TABLE).columns(['position']).execute();
    await migrateOutboxDirectory(db, dialect);
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(OUTBOX_TABLE).execute();
    await resetOutboxDirectory(trx);
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    await trackDirectory(event, trx);
    const address = await addressEvent(event, trx);
    if (!address) return;
    const rows = outboxRowsOf(event, address);
    if (rows.length === 0) return;
    await trx.insertInto(OUTBOX_TABLE).values(rows).onConflict((oc) => oc.column('notification_id').doNothing()).execute();
  },
};

function outboxRowsOf(event: StoredEvent, address: OutboxAddress) {
  const common = {
    event_id: event.id,
    position: event.position,
    event_type: event.type,
    stream_id: event.streamId,
    workflow: typeof event.metadata.workflow === 'string' ? event.metadata.workflow : null,
    occurred_at: event.metadata.occurredAt,
    actor: event.metadata.actor ?? null,
    payload: JSON.stringify(event.data),
    customer_id: address.customerId,
  };
  const manager = [...address.people].find(([, via]) => via.includes('customer_manager'))?.[0] ?? legacyAddressee(event);
  const groups = address.groups.map((recipient) => ({
    ...common, notification_id: `${event.id}:${recipient}`, kind: 'group', recipient, addressee: recipient === 'customer_manager' ? manager : null, via: null,
  }));
  const people = [...address.people].map(([username, via]) => ({
    ...common, notification_id: personRowId(event.id, username), kind: 'person', recipient: `${PERSON_MARK}${username}`, addressee: username, via: JSON.stringify(via),
  }));
  return [...groups, ...people];
}

/** Before people were tracked, the customer manager's row named the manager the event did. */
function legacyAddressee(event: StoredEvent): string | null {
  const id = (event.data as { customerManagerId?: unknown }).customerManagerId;
  return typeof id === 'string' ? id : null;
}
