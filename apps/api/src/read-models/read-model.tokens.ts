/** The read-model database (`ReadModelDb`: Kysely over SQLite or PostgreSQL). */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
/** The `ProjectionRunner` keeping every registered projection up to date. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
