import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type ComplaintContext, complaintWorkflow, explainComplaintDeadline, workingTimeLeft } from '@crm/complaints';
import type { ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { CustomerAccess, ownCustomersOnly } from '../customers/customer-access';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import type { ComplaintsQuery } from './complaints.bodies';
import { COMPLAINTS_TABLE } from './complaints.projection';
import { complaintRowOf } from './complaint-rows';
import { withCustomerNames } from '../customers/read-models/customer-names';

/** Reads: one complaint from its stream (the truth, with SLA at the clock's now), lists from the read model. */
@Injectable()
export class ComplaintReadService {
  constructor(
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly access: CustomerAccess,
  ) {}

  async get(id: string, actor: Actor) {
    const { state, streamId, events } = await this.load(id, actor);
    const context = state.context as ComplaintContext;
    return {
      id,
      streamId,
      state: state.state,
      revision: events[events.length - 1].revision,
      record: recordOf(context),
      policyVersion: context.policy?.version ?? null,
      sla: await this.slaOf(context, state.state),
      pendingExtension: context.pendingExtension,
      draft: context.draft,
      resolution: context.resolution,
    };
  }

  async explain(id: string, actor: Actor) {
    const { state } = await this.load(id, actor);
    const explanation = explainComplaintDeadline(state.context as ComplaintContext);
    if (!explanation) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `complaint ${id} has no deadline yet: it is not classified` });
    return explanation;
  }

  async list(query: ComplaintsQuery, actor: Actor) {
    let q = ownCustomersOnly(this.readModels.db.selectFrom(COMPLAINTS_TABLE).selectAll(), actor, 'customer_id');
    if (query.status) q = q.where('status', '=', query.status);
    if (query.class) q = q.where('class', '=', query.class);
    if (query.customer) q = q.where('customer_id', '=', query.customer);
    if (query.department) q = q.where('department', '=', query.department);
    if (query.breached !== undefined) q = q.where('breach_count', query.breached ? '>' : '=', 0);
    const rows = await q.orderBy('received_at', 'desc').orderBy('complaint_id').limit(query.limit).execute();
    return { items: await withCustomerNames(this.readModels, rows.map(complaintRowOf)) };
  }

  private async load(id: string, actor: Actor) {
    const loaded = await this.engine.load(complaintWorkflow, id);
    if (loaded.events.length === 0) throw new WorkflowNotFound(loaded.streamId);
    await this.access.assertMayRead(actor, (loaded.state.context as ComplaintContext).customerId);
    return loaded;
  }

  /** The deadline in force and the working time left at the injected clock's now (negative when overdue). */
  private async slaOf(context: ComplaintContext, state: string) {
    if (!context.sla) return null;
    const calendar = await this.calendars.current();
    const running = state.startsWith('open');
    const left = running ? workingTimeLeft(calendar, context.sla, this.clock.now().toISOString()) : null;
    return {
      workingDays: context.sla.workingDays,
      due: context.sla.deadline.due,
      warnAt: context.sla.warnAt,
      calendarVersion: context.sla.deadline.calendarVersion,
      provisional: context.sla.deadline.provisional,
      clockRunning: running,
      now: this.clock.now().toISOString(),
      workingTimeLeftMs: left?.ms ?? null,
      workingHoursLeft: left ? Math.round((left.ms / 3_600_000) * 100) / 100 : null,
      warned: context.warnedFor === context.sla.deadline.due,
      breached: context.breaches.length > 0,
      breaches: context.breaches,
    };
  }
}

function recordOf(c: ComplaintContext) {
  return {
    complaintId: c.complaintId, customerId: c.customerId, receivedAt: c.receivedAt, channel: c.channel, content: c.content,
    loggedBy: c.loggedBy, class: c.complaintClass, extensionWorkingDays: c.extensionWorkingDays, notifiedAt: c.notifiedAt, closedAt: c.closedAt,
  };
}
