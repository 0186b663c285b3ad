import type { ReadModelSource } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import type { Clock } from './infrastructure/clock';

/** Everything the API is started with; built from the environment by main.ts, by hand in tests. */
export interface ApiRuntime {
  store: EventStore;
  clock: Clock;
  authSecret: string;
  tokenTtlSeconds: number;
  seedDemoUsers: boolean;
  /** where read models live when the store has no SQL of its own (EventStoreDB); default: next to the events */
  readModelSource?: ReadModelSource;
  /** WEBHOOK_ALLOW_PRIVATE_HOSTS: non-public webhook destinations allowed; absent: none */
  webhookAllowPrivateHosts?: 'none' | 'loopback';
  /** silence Nest's logger (tests) */
  quiet?: boolean;
}
export const API_RUNTIME = Symbol('API_RUNTIME');
