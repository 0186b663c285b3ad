import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { customerWorkflow, type CustomerCommandType } from '@crm/customers';
import type { CommandResult } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { commandResponse } from '../workflows/command-response';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };

/** Every customer command from HTTP, through the CQRS bus to the workflow engine (whose guard checks R-KAM-2). */
@Injectable()
export class CustomerCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(customerId: string, type: CustomerCommandType, data: unknown, actor: Actor, request: HttpRequestLike) {
    const result = await this.execute(customerId, type, data, actor, request);
    return commandResponse(customerId, result);
  }

  execute(customerId: string, type: CustomerCommandType, data: unknown, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, customerId, { type, data, meta }));
  }
}
