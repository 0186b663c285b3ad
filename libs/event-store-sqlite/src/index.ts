export * from './sqlite.event-store';
export { applyDurablePragmas } from './sqlite.schema';
export * from './file-modes';
