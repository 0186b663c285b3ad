import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type ConsultationContext, consultationWorkflow, readingTextsOf } from '@crm/complaints';
import { type CommandResult, type ReadModelDb, uuidV5, type WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { CustomerAccess, ownCustomersOnly } from '../customers/customer-access';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { ComplaintPolicyService } from './complaint-policy.service';
import type { HttpRequestLike } from './complaint-command.service';
import { complaintServicesWith } from './complaint.services';
import type { ConsultationsQuery } from './consultations.bodies';
import { CONSULTATIONS_TABLE, consultationRowOf } from './consultations.projection';

/** Customer enquiries (R-CMP-5, R-CNS-1): commands through the CQRS bus, one from its stream, lists from the read model. */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly policies: ComplaintPolicyService,
    private readonly calendars: CalendarService,
    private readonly access: CustomerAccess,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Server-side id unless given; with an Idempotency-Key the id is derived from it, so a retry lands on the same stream. */
  idFor(actor: Actor, request: HttpRequestLike, given?: string): string {
    if (given) return given;
    const key = commandMetaFrom(request, actor, this.clock).idempotencyKey;
    return key ? `cns-${uuidV5(`consultation:${actor.id}:${key}`)}` : `cns-${randomUUID()}`;
  }

  /** R-CNS-1: the enquiry keeps the complaint policy in force now; its answer is due on the general complaint's clock. */
  async record(id: string, data: Record<string, unknown>, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const { policy } = await this.policies.current();
    const meta = commandMetaFrom(request, actor, this.clock);
    const command = { type: 'RecordConsultation', data: { ...data, consultationId: id }, meta };
    return this.commandBus.execute(new ExecuteWorkflowCommand(consultationWorkflow.name, id, command, complaintServicesWith(this.calendars, policy)));
  }

  answer(id: string, data: object, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(consultationWorkflow.name, id, { type: 'AnswerConsultation', data, meta }));
  }

  async get(id: string, actor: Actor) {
    const loaded = await this.engine.load(consultationWorkflow, id);
    if (loaded.events.length === 0) throw new WorkflowNotFound(loaded.streamId);
    const c = loaded.state.context as ConsultationContext;
    await this.access.assertMayRead(actor, c.customerId);
    return {
      id, streamId: loaded.streamId, state: loaded.state.state, revision: loaded.events[loaded.events.length - 1].revision,
      record: { consultationId: c.consultationId, customerId: c.customerId, receivedAt: c.receivedAt, channel: c.channel, question: c.question, loggedBy: c.loggedBy },
      policyVersion: c.policy?.version ?? null,
      sla: c.deadline && { workingDays: c.workingDays, due: c.deadline.due, calendarVersion: c.deadline.calendarVersion, provisional: c.deadline.provisional, breached: c.breaches.length > 0, breaches: c.breaches, explanation: c.deadline.explanation },
      answer: c.answer,
      // R-CNS-1 (ADR 0026): the general complaint's clock, read as the policy copy reads 一个工作日内
      readings: readingTextsOf(c.policy?.readings).filter((r) => r.code === 'business-hours-from-receipt'),
    };
  }

  async list(query: ConsultationsQuery, actor: Actor) {
    let q = ownCustomersOnly(this.readModels.db.selectFrom(CONSULTATIONS_TABLE).selectAll(), actor, 'customer_id');
    if (query.status) q = q.where('status', '=', query.status);
    if (query.customer) q = q.where('customer_id', '=', query.customer);
    if (query.breached !== undefined) q = q.where('breach_count', query.breached ? '>' : '=', 0);
    const rows = await q.orderBy('received_at', 'desc').orderBy('consultation_id').limit(query.limit).execute();
    return { items: rows.map(consultationRowOf) };
  }
}
