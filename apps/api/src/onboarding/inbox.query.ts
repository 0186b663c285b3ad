import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { REVIEW_STEPS, type ReviewStep, shanghaiDate, STEP_ROLE } from '@crm/onboarding';
import type { Actor } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { pendingView } from './application.views';
import { APPLICATIONS_TABLE, APPROVERS_TABLE } from './applications.tables';
import { DELEGATIONS_PROJECTION, DELEGATIONS_TABLE, notRevoked } from './delegations.projection';
import type { InboxQuery } from './onboarding.bodies';

type Row = Record<string, any>;

/**
 * The approver's inbox: pending steps the caller may decide — by role, by assignment (or a
 * delegation from the assignee in force today), never what the domain would refuse them
 * (ONB-SELF: their own application; ONB-SOD: they, or whoever they act for, approved another
 * step) — oldest first, with the working days each has waited.
 */
@Injectable()
export class InboxQueryService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly calendars: CalendarService,
  ) {}

  async inbox(actor: Actor, query: InboxQuery, now: Date) {
    const steps = REVIEW_STEPS.filter((s) => actor.roles.includes(STEP_ROLE[s]) && (!query.step || query.step === s));
    const candidates = steps.length ? await this.candidates(actor.id, steps, query.customerManagerId) : [];
    const delegators = await this.delegationsInForce(actor.id, shanghaiDate(now.toISOString()));
    const approvers = await this.approversOf(candidates.map((r) => r.application_id));
    const actionable = candidates.flatMap((row) => {
      const onBehalfOf = this.actingFor(actor.id, row, delegators);
      if (onBehalfOf === false) return [];
      const people = onBehalfOf ? [actor.id, onBehalfOf] : [actor.id];
      if (people.some((p) => p === row.applicant_id || p === row.customer_manager_id)) return [];
      const barred = (approvers.get(row.application_id) ?? []).some((a) => a.step !== row.pending_step && people.includes(a.person));
      return barred ? [] : [{ row, onBehalfOf }];
    });
    const calendar = await this.calendars.current();
    const page = actionable.slice(query.offset, query.offset + query.limit);
    return {
      total: actionable.length,
      limit: query.limit,
      offset: query.offset,
      asOf: now.toISOString(),
      items: page.map(({ row, onBehalfOf }) => ({
        applicationId: row.application_id as string,
        companyName: row.company_name as string,
        applicantId: row.applicant_id as string,
        customerManagerId: row.customer_manager_id as string,
        ...(pendingView(row, calendar, now) as NonNullable<ReturnType<typeof pendingView>>),
        onBehalfOf,
      })),
    };
  }

  /** null: in own name; a delegator's id: on their behalf; false: the step is assigned to someone else. */
  private actingFor(me: string, row: Row, delegators: Map<string, Set<string>>): string | null | false {
    if (!row.assignee || row.assignee === me) return null;
    return delegators.get(STEP_ROLE[row.pending_step as ReviewStep])?.has(row.assignee) ? (row.assignee as string) : false;
  }

  private candidates(me: string, steps: ReviewStep[], customerManagerId?: string): Promise<Row[]> {
    let query = this.readModels.db
      .selectFrom(APPLICATIONS_TABLE)
      .selectAll()
      .where('pending_step', 'in', steps)
      .where('applicant_id', '!=', me)
      .where('customer_manager_id', '!=', me);
    if (customerManagerId) query = query.where('customer_manager_id', '=', customerManagerId);
    return query.orderBy('pending_since').orderBy('application_id').execute();
  }

  /**
   * A caller who acts for someone sees it only while the delegation stands: a revocation stored
   * before this request is applied first (read at the store's head, as a decision would be).
   */
  private async delegationsInForce(me: string, today: string): Promise<Map<string, Set<string>>> {
    const delegators = await this.delegatorsOf(me, today);
    if (delegators.size === 0) return delegators;
    await waitForProjections(this.runner, [DELEGATIONS_PROJECTION], await this.store.headPosition());
    return this.delegatorsOf(me, today);
  }

  /** role → the reviewers who delegated that role to `me` for `today` and have not revoked it */
  private async delegatorsOf(me: string, today: string): Promise<Map<string, Set<string>>> {
    const rows = await this.readModels.db
      .selectFrom(DELEGATIONS_TABLE)
      .select(['role', 'delegator_id'])
      .where('delegate_id', '=', me)
      .where('valid_from', '<=', today)
      .where('valid_until', '>=', today)
      .where(notRevoked)
      .execute();
    const byRole = new Map<string, Set<string>>();
    for (const r of rows) byRole.set(r.role, (byRole.get(r.role) ?? new Set()).add(r.delegator_id));
    return byRole;
  }

  private async approversOf(ids: string[]): Promise<Map<string, Array<{ step: string; person: string }>>> {
    const byApplication = new Map<string, Array<{ step: string; person: string }>>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.readModels.db.selectFrom(APPROVERS_TABLE).select(['application_id', 'step', 'person_id']).where('application_id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) byApplication.set(r.application_id, [...(byApplication.get(r.application_id) ?? []), { step: r.step, person: r.person_id }]);
    }
    return byApplication;
  }
}
