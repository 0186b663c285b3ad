import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult, WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import { CalendarService } from '../calendar/calendar.service';
import { ExecuteWorkflowCommand } from './execute-workflow.command';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from './workflow.tokens';

@CommandHandler(ExecuteWorkflowCommand)
export class ExecuteWorkflowHandler implements ICommandHandler<ExecuteWorkflowCommand, CommandResult> {
  constructor(
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    private readonly calendars: CalendarService,
  ) {}

  async execute({ workflow, instanceId, command, services }: ExecuteWorkflowCommand): Promise<CommandResult> {
    const entry = this.registry.get(workflow);
    // a year published on another replica must be in force before any deadline is computed
    await this.calendars.current();
    return this.engine.execute(entry.workflow, instanceId, command, services ?? entry.services);
  }
}
