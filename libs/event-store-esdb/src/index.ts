export * from './esdb.event-store';
export { HASH_METADATA_KEY } from './esdb.events';
export { mapEsdbError } from './esdb.errors';
