import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { WorkflowEngine } from '@crm/engine';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ controllers: [TasksController], providers: [TasksService], exports: [TasksService] })
export class TasksModule implements OnModuleInit {
  constructor(
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    private readonly tasks: TasksService,
  ) {}

  /** An administrator's reassignment honours delegations from the new assignee (TASK-ASSIGNEE). */
  onModuleInit(): void {
    this.engine.useTaskDelegations((delegate, delegator, roles, now) => this.tasks.covers(delegate, delegator, roles, now));
  }
}
