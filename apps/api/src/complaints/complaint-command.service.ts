import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { complaintWorkflow, type ComplaintCommandType, type ComplaintServices } from '@crm/complaints';
import { type CommandResult, uuidV5 } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { ComplaintPolicyService } from './complaint-policy.service';
import { complaintServicesWith } from './complaint.services';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };

/** Person-issued complaint commands (timer commands come from the scheduler only). */
export type PersonCommand = Exclude<ComplaintCommandType, 'WarnSla' | 'MarkSlaBreached'>;

/** Sends complaint commands through the CQRS bus; RecordComplaint gets the policy version in force now. */
@Injectable()
export class ComplaintCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly policies: ComplaintPolicyService,
    private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Server-side id unless given; with an Idempotency-Key the id is derived from it, so a retry lands on the same stream. */
  complaintIdFor(actor: Actor, request: HttpRequestLike, given?: string): string {
    if (given) return given;
    const key = commandMetaFrom(request, actor, this.clock).idempotencyKey;
    return key ? `cmp-${uuidV5(`complaint:${actor.id}:${key}`)}` : `cmp-${randomUUID()}`;
  }

  async record(id: string, data: Record<string, unknown>, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const { policy } = await this.policies.current();
    return this.send(id, 'RecordComplaint', { ...data, complaintId: id }, actor, request, complaintServicesWith(this.calendars, policy));
  }

  send(id: string, type: PersonCommand, data: object, actor: Actor, request: HttpRequestLike, services?: ComplaintServices): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(complaintWorkflow.name, id, { type, data, meta }, services));
  }
}
