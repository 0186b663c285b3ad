export * from './event-store.port';
export * from './event-store.errors';
export * from './append-rules';
export * from './catch-up.subscription';
export * from './append-observer';
export * from './group-commit.queue';
export * from './in-memory.event-store';
export * from './event-store.contract';
