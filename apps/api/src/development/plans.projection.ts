import { monthOfWeek, type PlanEventType } from '@crm/development';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const PLANS_TABLE = 'dev_plans';
export const PROGRESS_TABLE = 'dev_progress';
export const PLANS_PROJECTION = 'dev_plans';

type Data = Record<string, any>;

const content = (d: Data) => ({
  quarter: d.quarter, deadline: d.deadline, budget_yuan: d.budgetYuan, targets: JSON.stringify(d.targets), support: JSON.stringify(d.supportRequested),
});

/** The plan row after an event: absolute values, applied once thanks to last_position. */
function change(type: PlanEventType, d: Data): Record<string, unknown> | null {
  switch (type) {
    case 'DevelopmentPlanRevised':
      return content(d);
    case 'DevelopmentPlanSubmitted':
      return { status: 'review.departmentHead' };
    case 'DevelopmentPlanApprovedByDepartmentHead':
      return { status: 'review.managersMeeting', head_approved_by: d.by };
    case 'DevelopmentPlanApprovedByManagersMeeting':
      return { status: 'approved', approved_at: d.at, meeting_recorded_by: d.by };
    case 'DevelopmentPlanReturned':
      return { status: 'draft', head_approved_by: null, last_reason: d.reason };
    case 'DevelopmentPlanRejected':
      return { status: 'rejected', last_reason: d.reason };
    case 'DevelopmentPlanDeadlinePassed':
      return { status: 'concluded', achieved: JSON.stringify(d.achieved), not_achieved: JSON.stringify(d.notAchieved) };
    case 'DevelopmentAssessmentOpened':
      return { status: 'assessment' };
    case 'DevelopmentAssessmentCompleted':
      return { status: 'assessed' };
    default:
      return null;
  }
}

const idOf = (event: StoredEvent) => event.streamId.slice('development-plan-'.length);

/** R-DEV-2/3: one row per plan, and one per progress entry (weekly summaries and monthly reports). */
export const plansProjection: Projection = {
  name: PLANS_PROJECTION,
  // 2: the quarter-end assessment's statuses (ADR 0027)
  version: 2,
  eventTypes: [
    'DevelopmentPlanDrafted', 'DevelopmentPlanRevised', 'DevelopmentPlanSubmitted', 'DevelopmentPlanApprovedByDepartmentHead',
    'DevelopmentPlanApprovedByManagersMeeting', 'DevelopmentPlanReturned', 'DevelopmentPlanRejected', 'DevelopmentProgressRecorded',
    'DevelopmentPlanDeadlinePassed', 'DevelopmentAssessmentOpened', 'DevelopmentAssessmentCompleted',
  ],
  tables: [{ name: PLANS_TABLE, orderBy: 'plan_id' }, { name: PROGRESS_TABLE, orderBy: 'entry_key' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(PLANS_TABLE)
      .ifNotExists()
      .addColumn('plan_id', 'text', (c) => c.primaryKey())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('budget_yuan', 'real', (c) => c.notNull())
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('support', 'text', (c) => c.notNull())
      .addColumn('drafted_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('head_approved_by', 'text')
      .addColumn('meeting_recorded_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('last_reason', 'text')
      .addColumn('achieved', 'text')
      .addColumn('not_achieved', 'text')
      .addColumn('last_position', big, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable(PROGRESS_TABLE)
      .ifNotExists()
      .addColumn('entry_key', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('prospect_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('week_starting', 'text')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('achieved', 'integer', (c) => c.notNull())
      .addColumn('problems', 'text')
      .addColumn('support_needed', 'text')
      .addColumn('reported_by', 'text', (c) => c.notNull())
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dev_progress_plan').ifNotExists().on(PROGRESS_TABLE).columns(['plan_id', 'kind', 'month']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(PROGRESS_TABLE).execute();
    await trx.deleteFrom(PLANS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    const planId = idOf(event);
    if (event.type === 'DevelopmentPlanDrafted') {
      await trx
        .insertInto(PLANS_TABLE)
        .values({ plan_id: planId, ...content(d), drafted_by: d.by, status: 'draft', last_position: event.position })
        .onConflict((oc) => oc.column('plan_id').doNothing())
        .execute();
      return;
    }
    if (event.type === 'DevelopmentProgressRecorded') {
      const weekly = d.period.kind === 'weekly';
      await trx
        .insertInto(PROGRESS_TABLE)
        .values({
          entry_key: `${planId}/${d.entryId}`, plan_id: planId, entry_id: d.entryId, target_id: d.targetId, prospect_id: d.prospectId, kind: d.period.kind,
          week_starting: weekly ? d.period.weekStarting : null, month: weekly ? monthOfWeek(d.period.weekStarting) : d.period.month,
          summary: d.summary, achieved: d.achieved ? 1 : 0, problems: d.problems, support_needed: d.supportNeeded, reported_by: d.by, reported_at: d.at,
          position: event.position,
        })
        .onConflict((oc) => oc.column('entry_key').doNothing())
        .execute();
      return;
    }
    const row = await trx.selectFrom(PLANS_TABLE).select('last_position').where('plan_id', '=', planId).executeTakeFirst();
    if (!row || Number(row.last_position) >= event.position) return; // replayed: already in the row
    const set = change(event.type as PlanEventType, d);
    if (set) await trx.updateTable(PLANS_TABLE).set({ ...set, last_position: event.position }).where('plan_id', '=', planId).execute();
  },
};
