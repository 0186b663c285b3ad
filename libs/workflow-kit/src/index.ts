export * from './actor';
export * from './command';
export * from './domain-event';
export * from './domain-errors';
export * from './workflow.definition';
export * from './workflow.replay';
export * from './workflow.decision';
export * from './workflow.spec-helpers';
