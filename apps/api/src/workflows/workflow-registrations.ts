import type { WorkflowRegistry } from '@crm/engine';
import type { CalendarService } from '../calendar/calendar.service';
import { discoverFeatures } from '../feature-discovery';

/** Every context's workflows (declared in its `*.feature.ts`) with the services their deciders need. */
export function registerWorkflows(registry: WorkflowRegistry, deps: { calendars: CalendarService }): WorkflowRegistry {
  for (const feature of discoverFeatures()) feature.workflows?.(registry, deps);
  return registry;
}
