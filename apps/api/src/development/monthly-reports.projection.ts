import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const MONTHLY_REPORTS_TABLE = 'dev_monthly_reports';
export const MONTHLY_REPORTS_PROJECTION = 'dev_monthly_reports';

type Data = Record<string, any>;
const idOf = (event: StoredEvent) => event.streamId.slice('development-plan-'.length);

/** R-DEV-3: one row per submitted monthly completion report (plan and month are its key: one each). */
export const monthlyReportsProjection: Projection = {
  name: MONTHLY_REPORTS_PROJECTION,
  version: 1,
  eventTypes: ['DevelopmentMonthlyReportSubmitted'],
  tables: [{ name: MONTHLY_REPORTS_TABLE, orderBy: 'report_key' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(MONTHLY_REPORTS_TABLE)
      .ifNotExists()
      .addColumn('report_key', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('entry_ids', 'text', (c) => c.notNull())
      .addColumn('achieved', 'text', (c) => c.notNull())
      .addColumn('not_achieved', 'text', (c) => c.notNull())
      .addColumn('notified', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('position', big, (c) => c.notNull())
      .execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(MONTHLY_REPORTS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    const planId = idOf(event);
    await trx
      .insertInto(MONTHLY_REPORTS_TABLE)
      .values({
        report_key: `${planId}/${d.month}`, plan_id: planId, month: d.month, summary: d.summary, entry_ids: JSON.stringify(d.entryIds),
        achieved: JSON.stringify(d.achieved), not_achieved: JSON.stringify(d.notAchieved), notified: JSON.stringify(d.notify),
        submitted_by: d.by, submitted_at: d.at, position: event.position,
      })
      .onConflict((oc) => oc.column('report_key').doNothing())
      .execute();
  },
};

/** The row as the API answers it. */
export const monthlyReportOf = (r: Record<string, any>) => ({
  month: r.month as string,
  summary: r.summary as string,
  entryIds: JSON.parse(r.entry_ids) as string[],
  achieved: JSON.parse(r.achieved) as string[],
  notAchieved: JSON.parse(r.not_achieved) as string[],
  notified: JSON.parse(r.notified) as string[],
  submittedBy: r.submitted_by as string,
  submittedAt: r.submitted_at as string,
  position: Number(r.position),
});
