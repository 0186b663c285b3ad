import type { VisitReportEventType } from '@crm/relationship';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const VISIT_REPORTS_TABLE = 'visit_reports';
export const VISIT_REPORTS_PROJECTION = 'visit_reports';

type Data = Record<string, any>;
const TYPES: VisitReportEventType[] = ['VisitReportSubmitted', 'VisitFindingsAcknowledged'];

/** The visit's quarter by the date written on the form (a local date: no zone arithmetic). */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * 走访客户报告单 rows: ratings with their R-VISIT-2 scores for averages per customer and quarter,
 * the plan item fulfilled for progress, and the R-VISIT-3 feedback status for the leaders' list.
 */
export const visitReportsProjection: Projection = {
  name: VISIT_REPORTS_PROJECTION,
  version: 1,
  eventTypes: TYPES,
  tables: [{ name: VISIT_REPORTS_TABLE, orderBy: 'report_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(VISIT_REPORTS_TABLE)
      .ifNotExists()
      .addColumn('report_id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('manager_id', 'text', (c) => c.notNull())
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text')
      .addColumn('item_id', 'text')
      .addColumn('quality_label', 'text', (c) => c.notNull())
      .addColumn('quality_score', 'integer', (c) => c.notNull())
      .addColumn('service_label', 'text', (c) => c.notNull())
      .addColumn('service_score', 'integer', (c) => c.notNull())
      .addColumn('awareness_label', 'text', (c) => c.notNull())
      .addColumn('awareness_score', 'integer', (c) => c.notNull())
      .addColumn('findings', 'text')
      .addColumn('departments', 'text', (c) => c.notNull())
      .addColumn('feedback_status', 'text', (c) => c.notNull())
      .addColumn('acknowledged_by', 'text')
      .addColumn('acknowledged_at', 'text')
      .addColumn('acknowledgement_note', 'text')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('last_position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('visit_reports_customer_quarter').ifNotExists().on(VISIT_REPORTS_TABLE).columns(['customer_id', 'quarter']).execute();
    await db.schema.createIndex('visit_reports_plan_item').ifNotExists().on(VISIT_REPORTS_TABLE).columns(['plan_id', 'item_id']).execute();
    await db.schema.createIndex('visit_reports_feedback').ifNotExists().on(VISIT_REPORTS_TABLE).columns(['feedback_status', 'submitted_at']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(VISIT_REPORTS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    const reportId = event.streamId.slice('visit-report-'.length);
    if (event.type === 'VisitReportSubmitted') {
      const plan = d.basis.kind === 'plan' ? { plan_id: d.basis.planId, item_id: d.basis.itemId } : { plan_id: null, item_id: null };
      await trx
        .insertInto(VISIT_REPORTS_TABLE)
        .values({
          report_id: reportId, customer_id: d.customerId, manager_id: d.managerId, visited_on: d.visitedOn, year: Number(d.visitedOn.slice(0, 4)),
          month: Number(d.visitedOn.slice(5, 7)), quarter: quarterOf(d.visitedOn), ...plan,
          quality_label: d.ratings.quality.label, quality_score: d.ratings.quality.score, service_label: d.ratings.service.label,
          service_score: d.ratings.service.score, awareness_label: d.ratings.awareness.label, awareness_score: d.ratings.awareness.score,
          findings: d.findings, departments: JSON.stringify(d.departments), feedback_status: d.findings ? 'open' : 'none',
          submitted_at: d.at, last_position: event.position,
        })
        .onConflict((oc) => oc.column('report_id').doNothing())
        .execute();
      return;
    }
    // acknowledgement sets absolute values: applying it twice writes the same row
    await trx
      .updateTable(VISIT_REPORTS_TABLE)
      .set({ feedback_status: 'acknowledged', acknowledged_by: d.by, acknowledged_at: d.at, acknowledgement_note: d.note, last_position: event.position })
      .where('report_id', '=', reportId)
      .execute();
  },
};
