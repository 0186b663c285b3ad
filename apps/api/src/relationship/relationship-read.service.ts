import { Inject, Injectable } from '@nestjs/common';
import { type ReadModelDb, upcastEvent, type WorkflowEngine } from '@crm/engine';
import { forumWorkflow, forumYears, surveyWorkflow } from '@crm/relationship';
import { WorkflowNotFound } from '@crm/workflow-kit';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { FORUMS_TABLE } from './customer-forums.projection';
import { VISIT_PLAN_ITEMS_TABLE, VISIT_PLANS_TABLE } from './visit-plans.projection';
import { VISIT_REPORTS_TABLE } from './visit-reports.projection';

const avg = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100);

/** Reads of relationship maintenance: progress, ratings and feedback from read models; the survey from its stream. */
@Injectable()
export class RelationshipReads {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  /** R-VISIT-1: per manager and month of approved plans, items planned and items visited; unplanned visits beside them. */
  async progress(year: number, manager: string | null) {
    const db = this.readModels.db;
    let items = db
      .selectFrom(`${VISIT_PLAN_ITEMS_TABLE} as i`)
      .innerJoin(`${VISIT_PLANS_TABLE} as p`, 'p.plan_id', 'i.plan_id')
      .select(['p.manager_id', 'i.month', 'i.plan_id', 'i.item_id'])
      .where('p.year', '=', year)
      .where('p.status', '=', 'approved');
    if (manager) items = items.where('p.manager_id', '=', manager);
    let reports = db.selectFrom(VISIT_REPORTS_TABLE).select(['manager_id', 'month', 'plan_id', 'item_id']).where('year', '=', year);
    if (manager) reports = reports.where('manager_id', '=', manager);
    const [planned, visits] = await Promise.all([items.execute(), reports.execute()]);
    const done = new Set(visits.filter((v) => v.plan_id).map((v) => `${v.plan_id}/${v.item_id}`));
    const rows = new Map<string, { managerId: string; month: number; planned: number; done: number; unplanned: number }>();
    const rowOf = (managerId: string, month: number) => {
      const key = `${managerId}|${String(month).padStart(2, '0')}`;
      const row = rows.get(key) ?? { managerId, month, planned: 0, done: 0, unplanned: 0 };
      rows.set(key, row);
      return row;
    };
    for (const p of planned) {
      const row = rowOf(p.manager_id, Number(p.month));
      row.planned += 1;
      if (done.has(`${p.plan_id}/${p.item_id}`)) row.done += 1;
    }
    for (const v of visits) if (!v.plan_id) rowOf(v.manager_id, Number(v.month)).unplanned += 1;
    return { year, items: [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r) };
  }

  /** R-VISIT-2: average scores per customer and quarter; `manager` limits to that manager's customers (R-KAM-2). */
  async ratings(year: number, customer: string | null, manager: string | null) {
    const db = this.readModels.db;
    let q = db
      .selectFrom(VISIT_REPORTS_TABLE)
      .select((eb) => [
        'customer_id', 'quarter', eb.fn.countAll().as('visits'), eb.fn.avg('quality_score').as('quality'),
        eb.fn.avg('service_score').as('service'), eb.fn.avg('awareness_score').as('awareness'),
      ])
      .where('year', '=', year)
      .groupBy(['customer_id', 'quarter']);
    if (customer) q = q.where('customer_id', '=', customer);
    if (manager) q = q.where('customer_id', 'in', db.selectFrom(CUSTOMERS_TABLE).select('customer_id').where('customer_manager_id', '=', manager));
    const rows = await q.orderBy('customer_id').orderBy('quarter').execute();
    return {
      year,
      items: rows.map((r) => ({
        customerId: r.customer_id as string, quarter: r.quarter as string, visits: Number(r.visits),
        averages: { quality: avg(r.quality), service: avg(r.service), awareness: avg(r.awareness) },
      })),
    };
  }

  /** R-VISIT-3: reports whose findings wait for (or got) the leader's acknowledgement. */
  async feedback(status: 'open' | 'acknowledged', limit: number) {
    const rows = await this.readModels.db
      .selectFrom(VISIT_REPORTS_TABLE)
      .selectAll()
      .where('feedback_status', '=', status)
      .orderBy('submitted_at')
      .orderBy('report_id')
      .limit(limit)
      .execute();
    return {
      items: rows.map((r) => ({
        reportId: r.report_id as string, customerId: r.customer_id as string, managerId: r.manager_id as string, visitedOn: r.visited_on as string,
        findings: r.findings as string, departments: JSON.parse(r.departments as string) as string[], submittedAt: r.submitted_at as string,
        status: r.feedback_status as string, acknowledgedBy: r.acknowledged_by as string | null, acknowledgedAt: r.acknowledged_at as string | null,
        note: r.acknowledgement_note as string | null, position: Number(r.last_position),
      })),
    };
  }

  /** R-SURV-1: the campaign as its stream has it (events upcast: v1 campaigns read with the default questionnaire); the report's figures are the ones stored with it. */
  async survey(year: number) {
    const { state, streamId, events } = await this.engine.load(surveyWorkflow, String(year));
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    const domain = events.map((e) => upcastEvent(surveyWorkflow, e));
    const of = (type: string) => domain.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);
    const last = (type: string) => of(type).at(-1) ?? null;
    const responses = of('SurveyResponseRecorded');
    const campaign = of('SurveyCampaignOpened')[0] ?? null;
    return {
      year, streamId, state: state.state, revision: events[events.length - 1].revision,
      campaign, questionnaire: campaign?.questionnaire ?? [],
      responseCount: responses.length, responses,
      report: last('SurveyReportIssued'),
      review: last('SurveyReportReviewed'),
      improvementPlan: last('ImprovementPlanSubmitted'),
      decision: domain.filter((e) => e.type === 'ImprovementPlanApproved' || e.type === 'ImprovementPlanReturned').map((e) => ({ type: e.type, ...(e.data as object) })).at(-1) ?? null,
    };
  }

  /** R-FORUM-1: one forum as its stream has it (events upcast: v1 minutes read with no plan). */
  async forum(id: string) {
    const { state, streamId, events } = await this.engine.load(forumWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    const domain = events.map((e) => ({ ...upcastEvent(forumWorkflow, e), position: e.position }));
    const of = (type: string) => domain.filter((e) => e.type === type);
    const decisions = domain.filter((e) => e.type === 'ForumPlanApproved' || e.type === 'ForumPlanReturned').map((e) => ({ type: e.type, ...(e.data as object) }));
    return {
      forumId: id, streamId, state: state.state, revision: events[events.length - 1].revision,
      plan: of('ForumPlanSubmitted').at(-1)?.data ?? null,
      decisions,
      minutes: of('ForumMinutesFiled').at(-1)?.data ?? null,
    };
  }

  /** R-FORUM-1: the forums held up to `asOf` and each year's status from `from` (default: the first forum's year, or asOf's). */
  async forums(from: number | null, asOf: string) {
    const rows = await this.readModels.db.selectFrom(FORUMS_TABLE).selectAll().where('held_on', '<=', asOf).orderBy('held_on').orderBy('forum_id').execute();
    const asOfYear = Number(asOf.slice(0, 4));
    const fromYear = from ?? (rows.length > 0 ? Math.min(Number(rows[0].year), asOfYear) : asOfYear);
    const years = forumYears(rows.map((r) => r.held_on as string), fromYear, asOf);
    return {
      asOf, years,
      yearsWithoutForum: years.filter((y) => y.status !== 'held').map((y) => y.year),
      forums: rows.map((r) => ({
        forumId: r.forum_id as string, heldOn: r.held_on as string, year: Number(r.year), title: r.title as string,
        attendees: Number(r.attendee_count), topics: JSON.parse(r.topics as string) as string[], filedBy: r.filed_by as string, filedAt: r.filed_at as string,
      })),
    };
  }
}
