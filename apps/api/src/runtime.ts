import type { EventStore } from '@crm/event-store';
import type { Clock } from './infrastructure/clock';

/** Everything the API is started with; built from the environment by main.ts, by hand in tests. */
export interface ApiRuntime {
  store: EventStore;
  clock: Clock;
  authSecret: string;
  tokenTtlSeconds: number;
  seedDemoUsers: boolean;
  /** silence Nest's logger (tests) */
  quiet?: boolean;
}
export const API_RUNTIME = Symbol('API_RUNTIME');
