import type { DynamicModule, Type } from '@nestjs/common';
import type { Projection, WorkflowRegistry } from '@crm/engine';
import type { CalendarService } from './calendar/calendar.service';

/**
 * What a bounded context contributes to the service. Each context declares it in
 * `src/<context>/<context>.feature.ts` (`export const feature: ApiFeature`); the service finds
 * those files at start, so adding a context never edits a shared registration list.
 */
export interface ApiFeature {
  /** the context's Nest module (controllers, providers) */
  module?: Type | DynamicModule;
  /** registers the context's workflows with the services their deciders need */
  workflows?(registry: WorkflowRegistry, deps: { calendars: CalendarService }): void;
  /** the context's read models */
  projections?(): Projection[];
}
