import type { ConsultationEventType } from '@crm/complaints';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const CONSULTATIONS_TABLE = 'consultations';
export const CONSULTATIONS_PROJECTION = 'consultations';

const TYPES: ConsultationEventType[] = ['ConsultationRecorded', 'ConsultationAnswered', 'ConsultationSlaBreached'];
const idOf = (event: StoredEvent) => event.streamId.slice('consultation-'.length);
type Data = Record<string, any>;

/** One row per customer enquiry (R-CMP-5): lists per customer and overall, with the R-CNS-1 deadline and breaches. */
export const consultationsProjection: Projection = {
  name: CONSULTATIONS_PROJECTION,
  version: 1,
  eventTypes: TYPES,
  tables: [{ name: CONSULTATIONS_TABLE, orderBy: 'consultation_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(CONSULTATIONS_TABLE)
      .ifNotExists()
      .addColumn('consultation_id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('logged_by', 'text', (c) => c.notNull())
      .addColumn('policy_version', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('working_days', 'integer', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('calendar_version', 'text', (c) => c.notNull())
      .addColumn('breach_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('answered_at', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('within_deadline', 'integer')
      .addColumn('last_position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consultations_customer').ifNotExists().on(CONSULTATIONS_TABLE).columns(['customer_id', 'received_at']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(CONSULTATIONS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    if (event.type === 'ConsultationRecorded') return void (await insertRecorded(event, d, trx));
    const row = await trx.selectFrom(CONSULTATIONS_TABLE).select(['last_position', 'breach_count']).where('consultation_id', '=', idOf(event)).executeTakeFirst();
    if (!row || Number(row.last_position) >= event.position) return; // replayed: already in the row
    const set =
      event.type === 'ConsultationSlaBreached'
        ? { breach_count: Number(row.breach_count) + 1 }
        : { status: 'answered', answered_at: d.at, answered_by: d.by, within_deadline: d.withinDeadline ? 1 : 0 };
    await trx.updateTable(CONSULTATIONS_TABLE).set({ ...set, last_position: event.position }).where('consultation_id', '=', idOf(event)).execute();
  },
};

async function insertRecorded(event: StoredEvent, d: Data, trx: Kysely<any>) {
  await trx
    .insertInto(CONSULTATIONS_TABLE)
    .values({
      consultation_id: idOf(event), customer_id: d.customerId, channel: d.channel, question: d.question, received_at: d.receivedAt,
      logged_by: d.loggedBy, policy_version: d.policy.version, status: 'recorded', working_days: d.workingDays, due_at: d.deadline.due,
      calendar_version: d.deadline.calendarVersion, breach_count: 0, last_position: event.position,
    })
    .onConflict((oc) => oc.column('consultation_id').doNothing())
    .execute();
}

/** The read model's row as the API answers it. */
export function consultationRowOf(r: Record<string, any>) {
  return {
    consultationId: r.consultation_id as string,
    customerId: r.customer_id as string,
    channel: r.channel as string,
    question: r.question as string,
    receivedAt: r.received_at as string,
    loggedBy: r.logged_by as string,
    policyVersion: r.policy_version as string,
    status: r.status as string,
    workingDays: Number(r.working_days),
    dueAt: r.due_at as string,
    calendarVersion: r.calendar_version as string,
    breached: Number(r.breach_count) > 0,
    answeredAt: r.answered_at as string | null,
    answeredBy: r.answered_by as string | null,
    withinDeadline: r.within_deadline === null ? null : Number(r.within_deadline) === 1,
    position: Number(r.last_position),
  };
}
