export * from './postgres.event-store';
export { APPEND_LOCK_KEY } from './postgres.sql';
