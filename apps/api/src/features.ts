import type { DynamicModule, Type } from '@nestjs/common';
import { discoverFeatures } from './feature-discovery';
import { ReadModelsModule } from './read-models/read-models.module';
import type { ApiRuntime } from './runtime';
import { TimersModule } from './timers/timers.module';
import { WorkflowsModule } from './workflows/workflows.module';

/** The engine's modules, then every bounded context's module (see feature.ts). */
export function featureModules(_runtime: ApiRuntime): Array<Type | DynamicModule> {
  const contexts = discoverFeatures().flatMap((f) => (f.module ? [f.module] : []));
  return [WorkflowsModule, ReadModelsModule, TimersModule, ...contexts];
}
