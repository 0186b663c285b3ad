import { Global, Module } from '@nestjs/common';
import { WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { CalendarService } from '../calendar/calendar.service';
import { ExecuteWorkflowHandler } from './execute-workflow.handler';
import { registerWorkflows } from './workflow-registrations';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from './workflow.tokens';

@Global()
@Module({
  providers: [
    { provide: WORKFLOW_ENGINE, inject: [EVENT_STORE], useFactory: (store: EventStore) => new WorkflowEngine(store) },
    {
      provide: WORKFLOW_REGISTRY,
      inject: [CalendarService],
      useFactory: (calendars: CalendarService) => registerWorkflows(new WorkflowRegistry(), { calendars }),
    },
    ExecuteWorkflowHandler,
  ],
  exports: [WORKFLOW_ENGINE, WORKFLOW_REGISTRY],
})
export class WorkflowsModule {}
