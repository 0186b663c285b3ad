import type { ComplaintEventType } from '@crm/complaints';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { monthInBeijing } from './complaint-months';

export const COMPLAINTS_TABLE = 'complaints';
export const COMPLAINTS_PROJECTION = 'complaints';

type Data = Record<string, any>;
type Change = Record<string, unknown> | null;

const slaColumns = (d: Data) => ({
  working_days: d.workingDays,
  due_at: d.deadline.due,
  warn_at: d.warnAt,
  calendar_version: d.deadline.calendarVersion,
  provisional: d.deadline.provisional ? 1 : 0,
});

/** How an event changes the complaint's row: absolute values, except counts guarded by last_position. */
function change(type: ComplaintEventType, d: Data): Change {
  switch (type) {
    case 'ComplaintClassified':
      return { status: 'open', class: d.class, ...slaColumns(d) };
    case 'ComplaintReclassified':
      return { class: d.to, ...slaColumns(d) };
    case 'ExtensionGranted':
      return slaColumns(d);
    case 'ComplaintEscalated':
      return { escalated: 1 };
    case 'ResolutionDrafted':
      return { department: d.department, handler: d.handler };
    case 'SpecialMeetingHeld':
      return { department: d.department, handler: d.handler };
    case 'CustomerNotified':
      return { status: 'notified', notified_at: d.at, within_deadline: d.withinDeadline ? 1 : 0 };
    case 'ComplaintClosed':
      return { status: 'closed', closed_at: d.at, department: d.department, handler: d.handler };
    case 'ComplaintSlaWarned':
      return { warned_for: d.dueAt };
    default:
      return null;
  }
}

const TYPES: ComplaintEventType[] = [
  'ComplaintRecorded', 'ComplaintClassified', 'ComplaintReclassified', 'ExtensionGranted', 'ComplaintEscalated', 'ResolutionDrafted',
  'SpecialMeetingHeld', 'CustomerNotified', 'ComplaintClosed', 'ComplaintSlaWarned', 'ComplaintSlaBreached',
];

/** One row per complaint for lists, filters, the SLA board and breach statistics. */
export const complaintsProjection: Projection = {
  name: COMPLAINTS_PROJECTION,
  version: 1,
  eventTypes: TYPES,
  tables: [{ name: COMPLAINTS_TABLE, orderBy: 'complaint_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(COMPLAINTS_TABLE)
      .ifNotExists()
      .addColumn('complaint_id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('received_month', 'text', (c) => c.notNull())
      .addColumn('logged_by', 'text', (c) => c.notNull())
      .addColumn('policy_version', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('class', 'text')
      .addColumn('department', 'text')
      .addColumn('handler', 'text')
      .addColumn('working_days', 'integer')
      .addColumn('due_at', 'text')
      .addColumn('warn_at', 'text')
      .addColumn('calendar_version', 'text')
      .addColumn('provisional', 'integer')
      .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warned_for', 'text')
      .addColumn('breach_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_breach_at', 'text')
      .addColumn('notified_at', 'text')
      .addColumn('within_deadline', 'integer')
      .addColumn('closed_at', 'text')
      .addColumn('last_position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('complaints_status_due').ifNotExists().on(COMPLAINTS_TABLE).columns(['status', 'due_at']).execute();
    await db.schema.createIndex('complaints_month').ifNotExists().on(COMPLAINTS_TABLE).columns(['received_month']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(COMPLAINTS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    if (event.type === 'ComplaintRecorded') return void (await insertRecorded(event, d, trx));
    const row = await trx.selectFrom(COMPLAINTS_TABLE).select(['last_position', 'breach_count']).where('complaint_id', '=', idOf(event)).executeTakeFirst();
    if (!row || Number(row.last_position) >= event.position) return; // replayed: already in the row
    const set =
      event.type === 'ComplaintSlaBreached'
        ? { breach_count: Number(row.breach_count) + 1, last_breach_at: d.at }
        : change(event.type as ComplaintEventType, d);
    await trx.updateTable(COMPLAINTS_TABLE).set({ ...set, last_position: event.position }).where('complaint_id', '=', idOf(event)).execute();
  },
};

const idOf = (event: StoredEvent) => event.streamId.slice('complaint-'.length);

async function insertRecorded(event: StoredEvent, d: Data, trx: Kysely<any>) {
  await trx
    .insertInto(COMPLAINTS_TABLE)
    .values({
      complaint_id: idOf(event), customer_id: d.customerId, channel: d.channel, received_at: d.receivedAt,
      received_month: monthInBeijing(d.receivedAt), logged_by: d.loggedBy, policy_version: d.policy.version,
      status: 'received', escalated: 0, breach_count: 0, last_position: event.position,
    })
    .onConflict((oc) => oc.column('complaint_id').doNothing())
    .execute();
}
