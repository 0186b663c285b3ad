export * from './workflow/uuid-v5';
export * from './workflow/engine.errors';
export * from './workflow/command-result';
export * from './workflow/stream-replay';
export * from './workflow/timer-events';
export * from './workflow/event-envelope';
export * from './workflow/workflow.engine';
export * from './workflow/workflow.registry';
