import { Inject, Injectable } from '@nestjs/common';
import { developmentPlanWorkflow, DevelopmentRule, type PlanContext, prospectWorkflow, type ProspectContext, weeksDue } from '@crm/development';
import type { ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type Actor, NotPermitted, WorkflowNotFound } from '@crm/workflow-kit';
import { isManagerScoped } from '../customers/customer-access';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import type { PlansQuery, ProspectsQuery } from './development.bodies';
import { MONTHLY_REPORTS_TABLE, monthlyReportOf } from './monthly-reports.projection';
import { PLANS_TABLE, PROGRESS_TABLE } from './plans.projection';
import { prospectRowOf, PROSPECTS_TABLE } from './prospects.projection';

const progressRowOf = (r: Record<string, any>) => ({
  entryId: r.entry_id as string,
  targetId: r.target_id as string,
  prospectId: r.prospect_id as string,
  kind: r.kind as 'weekly' | 'monthly',
  weekStarting: r.week_starting as string | null,
  month: r.month as string,
  summary: r.summary as string,
  achieved: Number(r.achieved) === 1,
  problems: r.problems as string | null,
  supportNeeded: r.support_needed as string | null,
  reportedBy: r.reported_by as string,
  reportedAt: r.reported_at as string,
});

const planRowOf = (r: Record<string, any>) => ({
  planId: r.plan_id as string,
  quarter: r.quarter as string,
  deadline: r.deadline as string,
  budgetYuan: Number(r.budget_yuan),
  targets: JSON.parse(r.targets) as unknown[],
  supportRequested: JSON.parse(r.support) as unknown[],
  draftedBy: r.drafted_by as string,
  status: r.status as string,
  approvedAt: r.approved_at as string | null,
  lastReason: r.last_reason as string | null,
  achieved: r.achieved === null ? null : (JSON.parse(r.achieved) as string[]),
  notAchieved: r.not_achieved === null ? null : (JSON.parse(r.not_achieved) as string[]),
  position: Number(r.last_position),
});

/** Reads: one prospect or plan from its stream (the truth), lists and reports from the read models. */
@Injectable()
export class DevelopmentReadService {
  constructor(
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
  ) {}

  /** R-DEV-1: a customer manager sees the archives they keep for their region; the rest of the company sees all. */
  async prospects(query: ProspectsQuery, actor: Actor) {
    let q = this.readModels.db.selectFrom(PROSPECTS_TABLE).selectAll();
    if (isManagerScoped(actor)) q = q.where('customer_manager_id', '=', actor.id);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.region) q = q.where('region', '=', query.region);
    const rows = await q.orderBy('registered_at', 'desc').orderBy('prospect_id').limit(query.limit).execute();
    return { items: rows.map(prospectRowOf) };
  }

  async prospect(id: string, actor: Actor) {
    const { state, streamId, events } = await this.engine.load(prospectWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    const context = state.context as ProspectContext;
    if (isManagerScoped(actor) && context.customerManagerId !== actor.id) {
      throw new NotPermitted(DevelopmentRule.prospects, `prospect ${id} is kept by another customer manager`);
    }
    const history = events.filter((e) => e.type !== 'ProspectRegistered').map((e) => ({ type: e.type, ...(e.data as object), position: e.position }));
    return { id, streamId, state: state.state, revision: events[events.length - 1].revision, archive: context, history };
  }

  async plans(query: PlansQuery) {
    let q = this.readModels.db.selectFrom(PLANS_TABLE).selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    if (query.quarter) q = q.where('quarter', '=', query.quarter);
    const rows = await q.orderBy('quarter', 'desc').orderBy('plan_id').execute();
    return { items: rows.map(planRowOf) };
  }

  async plan(id: string) {
    const { state, streamId, events } = await this.engine.load(developmentPlanWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    const context = state.context as PlanContext;
    return { id, streamId, state: state.state, revision: events[events.length - 1].revision, ...context };
  }

  /** R-DEV-3: the weekly summary: each target's entries for the week, and the targets nobody reported on. */
  async weekly(planId: string, weekStarting: string) {
    const plan = await this.planRow(planId);
    const rows = await this.progress(planId).where('kind', '=', 'weekly').where('week_starting', '=', weekStarting).execute();
    const entries = rows.map(progressRowOf);
    const reported = new Set(entries.map((e) => e.targetId));
    const targets = plan.targets as Array<{ targetId: string }>;
    return { planId, weekStarting, entries, targetsWithoutEntry: targets.map((t) => t.targetId).filter((t) => !reported.has(t)) };
  }

  /** R-DEV-3: the monthly report: the month's reports, the weekly summaries of its weeks, targets achieved so far, and the submitted completion report (or null). */
  async monthly(planId: string, month: string) {
    await this.planRow(planId);
    const rows = (await this.progress(planId).where('month', '=', month).execute()).map(progressRowOf);
    const achieved = await this.progress(planId).select('target_id').where('achieved', '=', 1).where('month', '<=', month).execute();
    const submitted = await this.readModels.db.selectFrom(MONTHLY_REPORTS_TABLE).selectAll().where('report_key', '=', `${planId}/${month}`).executeTakeFirst();
    return {
      planId,
      month,
      submitted: submitted ? monthlyReportOf(submitted) : null,
      reports: rows.filter((r) => r.kind === 'monthly'),
      weeklySummaries: rows.filter((r) => r.kind === 'weekly'),
      targetsAchieved: [...new Set(achieved.map((r) => r.target_id as string))].sort(),
    };
  }

  /** R-DEV-3: approved plans whose weekly summaries are missing as of `asOf` (a Beijing date). */
  async missingWeekly(asOf: string) {
    const plans = await this.readModels.db.selectFrom(PLANS_TABLE).selectAll().where('approved_at', 'is not', null).orderBy('plan_id').execute();
    const reported = await this.readModels.db.selectFrom(PROGRESS_TABLE).select(['plan_id', 'week_starting']).where('kind', '=', 'weekly').execute();
    const weeksOf = new Map<string, Set<string>>();
    for (const r of reported) weeksOf.set(r.plan_id, (weeksOf.get(r.plan_id) ?? new Set()).add(r.week_starting));
    const items = plans
      .map((p) => ({
        planId: p.plan_id as string,
        quarter: p.quarter as string,
        draftedBy: p.drafted_by as string,
        status: p.status as string,
        missingWeeks: weeksDue(p.approved_at, p.deadline, asOf).filter((w) => !weeksOf.get(p.plan_id)?.has(w)),
      }))
      .filter((p) => p.missingWeeks.length > 0);
    return { asOf, items };
  }

  private async planRow(planId: string) {
    const row = await this.readModels.db.selectFrom(PLANS_TABLE).selectAll().where('plan_id', '=', planId).executeTakeFirst();
    if (!row) throw new WorkflowNotFound(`development-plan-${planId}`);
    return planRowOf(row);
  }

  private progress(planId: string) {
    return this.readModels.db.selectFrom(PROGRESS_TABLE).selectAll().where('plan_id', '=', planId).orderBy('position');
  }
}
