import type { DynamicModule, Type } from '@nestjs/common';
import type { ApiRuntime } from './runtime';
import { AuditModule } from './audit/audit.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { CustomersModule } from './customers/customers.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OnboardingModule } from './onboarding/onboarding.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { TimersModule } from './timers/timers.module';
import { WorkflowsModule } from './workflows/workflows.module';

/**
 * Each bounded context's HTTP module, one line each. A feature module may read the runtime
 * (store, clock) through the API_RUNTIME token, EVENT_STORE and CLOCK, which AppModule provides
 * globally.
 */
export function featureModules(_runtime: ApiRuntime): Array<Type | DynamicModule> {
  return [WorkflowsModule, ReadModelsModule, TimersModule, OnboardingModule, CustomersModule, NotificationsModule, AuditModule, ComplaintsModule];
}
