import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const SLA_ALERTS_TABLE = 'sla_alerts';
/** the customer of each complaint, kept here so an alert names it without reading another projection */
export const SLA_SUBJECTS_TABLE = 'sla_alert_subjects';
export const SLA_ALERTS_PROJECTION = 'sla_alerts';

export type SlaAlertKind = 'warning' | 'breach';

/**
 * Warnings (ComplaintSlaWarned) and breaches (ComplaintSlaBreached) in global order. The alert id
 * is the event id and `position` its global position, which the SSE stream uses as event id, so
 * a client resuming with Last-Event-ID misses nothing and gets nothing twice.
 */
export const slaAlertsProjection: Projection = {
  name: SLA_ALERTS_PROJECTION,
  version: 1,
  eventTypes: ['ComplaintRecorded', 'ComplaintSlaWarned', 'ComplaintSlaBreached'],
  tables: [
    { name: SLA_ALERTS_TABLE, orderBy: 'alert_id' },
    { name: SLA_SUBJECTS_TABLE, orderBy: 'complaint_id' },
  ],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(SLA_ALERTS_TABLE)
      .ifNotExists()
      .addColumn('alert_id', 'text', (c) => c.primaryKey())
      .addColumn('position', big, (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('complaint_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text')
      .addColumn('class', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('warn_at', 'text')
      .addColumn('working_days', 'integer')
      .addColumn('escalated_to', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable(SLA_SUBJECTS_TABLE)
      .ifNotExists()
      .addColumn('complaint_id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(SLA_ALERTS_TABLE).execute();
    await trx.deleteFrom(SLA_SUBJECTS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const complaintId = event.streamId.slice('complaint-'.length);
    const d = event.data as Record<string, any>;
    if (event.type === 'ComplaintRecorded') {
      await trx.insertInto(SLA_SUBJECTS_TABLE).values({ complaint_id: complaintId, customer_id: d.customerId }).onConflict((oc) => oc.column('complaint_id').doNothing()).execute();
      return;
    }
    const subject = await trx.selectFrom(SLA_SUBJECTS_TABLE).select('customer_id').where('complaint_id', '=', complaintId).executeTakeFirst();
    const warning = event.type === 'ComplaintSlaWarned';
    await trx
      .insertInto(SLA_ALERTS_TABLE)
      .values({
        alert_id: event.id, position: event.position, kind: warning ? 'warning' : 'breach', complaint_id: complaintId,
        customer_id: subject?.customer_id ?? null, class: d.class, due_at: d.dueAt, warn_at: warning ? d.warnAt : null,
        working_days: warning ? null : d.workingDays, escalated_to: warning ? null : d.escalatedTo, at: d.at,
      })
      .onConflict((oc) => oc.column('alert_id').doNothing())
      .execute();
  },
};

export interface SlaAlert {
  id: string;
  position: number;
  kind: SlaAlertKind;
  complaintId: string;
  customerId: string | null;
  class: string;
  dueAt: string;
  warnAt: string | null;
  workingDays: number | null;
  escalatedTo: string | null;
  at: string;
}

export function alertOf(r: Record<string, any>): SlaAlert {
  return {
    id: r.alert_id, position: Number(r.position), kind: r.kind, complaintId: r.complaint_id, customerId: r.customer_id, class: r.class,
    dueAt: r.due_at, warnAt: r.warn_at, workingDays: r.working_days === null ? null : Number(r.working_days), escalatedTo: r.escalated_to, at: r.at,
  };
}

/** Alerts after a position, in order (GET /sla/alerts paging and the SSE stream). */
export async function alertsAfter(db: Kysely<any>, afterPosition: number, limit: number, kind?: SlaAlertKind): Promise<SlaAlert[]> {
  let q = db.selectFrom(SLA_ALERTS_TABLE).selectAll().where('position', '>', afterPosition);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('position').limit(limit).execute();
  return rows.map(alertOf);
}
