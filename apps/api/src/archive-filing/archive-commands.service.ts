import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CommandResult, uuidV5 } from '@crm/engine';
import type { Actor, AnyWorkflow } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };

/** Sends filing and check commands through the CQRS bus with the request's meta. */
@Injectable()
export class ArchiveCommands {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Server-side id unless given; with an Idempotency-Key it is derived from it and the caller, so a retry lands on the same stream. */
  idFor(prefix: string, actor: Actor, request: HttpRequestLike, given?: string): string {
    if (given) return given;
    const key = commandMetaFrom(request, actor, this.clock).idempotencyKey;
    return key ? `${prefix}-${uuidV5(`${prefix}:${actor.id}:${key}`)}` : `${prefix}-${randomUUID()}`;
  }

  send(workflow: AnyWorkflow, id: string, type: string, data: object, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(workflow.name, id, { type, data, meta }));
  }
}
