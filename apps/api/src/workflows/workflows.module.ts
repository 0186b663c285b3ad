import { Global, Module } from '@nestjs/common';
import { WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import { BLOB_STORE, type BlobStore } from '@crm/blob-store';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { peopleGuard, separationGuard } from '../auth/people.guard';
import { UserDirectory } from '../auth/user-directory';
import { CalendarService } from '../calendar/calendar.service';
import { CustomerAccess, customerOwnershipGuard } from '../customers/customer-access';
import { filesGuard } from '../files/files.guard';
import { METRICS, type Metrics } from '../metrics/metrics.port';
import { CommandServices } from './command-services';
import { commandObserver } from './command-observer';
import { ExecuteWorkflowHandler } from './execute-workflow.handler';
import { registerWorkflows } from './workflow-registrations';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from './workflow.tokens';

@Global()
@Module({
  providers: [
    {
      provide: WORKFLOW_ENGINE,
      inject: [EVENT_STORE, UserDirectory, CalendarService, BLOB_STORE, METRICS],
      useFactory: (store: EventStore, users: UserDirectory, calendars: CalendarService, blobs: BlobStore, metrics: Metrics) => {
        // who may act first (segregation of duties, R-KAM-2 ownership), then whom and which files the command names
        const engine: WorkflowEngine = new WorkflowEngine(store, {
          guards: [separationGuard, customerOwnershipGuard(() => engine), peopleGuard(users), filesGuard(() => blobs)],
          // task due and idle times on the calendar in force (refreshed by every query that reads it)
          tasks: { calendar: { addWorkingDays: (start, days) => calendars.cached().addWorkingDays(start, days).due } },
          onCommand: commandObserver(metrics),
        });
        return engine;
      },
    },
    {
      provide: WORKFLOW_REGISTRY,
      inject: [CalendarService],
      useFactory: (calendars: CalendarService) => registerWorkflows(new WorkflowRegistry(), { calendars }),
    },
    ExecuteWorkflowHandler,
    CustomerAccess,
    CommandServices,
  ],
  exports: [WORKFLOW_ENGINE, WORKFLOW_REGISTRY, CustomerAccess, CommandServices],
})
export class WorkflowsModule {}
