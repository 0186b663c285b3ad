import type { Kysely } from 'kysely';
import type { ReadModelDialect } from './projection';

export const CHECKPOINTS_TABLE = 'projection_checkpoints';

const ddl = (bigint: string) => [
  `CREATE TABLE IF NOT EXISTS projection_checkpoints (
     name text PRIMARY KEY, position ${bigint} NOT NULL, version integer NOT NULL, updated_at text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS projection_leases (name text PRIMARY KEY, owner text NOT NULL, expires_at ${bigint} NOT NULL)`,
];
export const CHECKPOINT_DDL = { sqlite: ddl('integer'), postgres: ddl('bigint') };

export interface Checkpoint {
  position: number;
  version: number;
}

/** Plain read, for deciding what to fetch and for read-your-writes waits. */
export async function readCheckpoint(db: Kysely<any>, name: string): Promise<Checkpoint | null> {
  const row = await db.selectFrom(CHECKPOINTS_TABLE).select(['position', 'version']).where('name', '=', name).executeTakeFirst();
  return row ? { position: Number(row.position), version: Number(row.version) } : null;
}

/** Several checkpoints in one query (the runner's shared step over every projection it leads). */
export async function readCheckpoints(db: Kysely<any>, names: readonly string[]): Promise<Map<string, Checkpoint>> {
  const rows = await db.selectFrom(CHECKPOINTS_TABLE).select(['name', 'position', 'version']).where('name', 'in', names).execute();
  return new Map(rows.map((r) => [String(r.name), { position: Number(r.position), version: Number(r.version) }]));
}

/**
 * Inside the batch transaction: the row lock (PG) or the write lock (SQLite's BEGIN IMMEDIATE)
 * makes this the checkpoint no one else can move until we commit: the exactly-once fence.
 */
export async function lockCheckpoint(trx: Kysely<any>, dialect: ReadModelDialect, name: string): Promise<Checkpoint | null> {
  let query = trx.selectFrom(CHECKPOINTS_TABLE).select(['position', 'version']).where('name', '=', name);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { position: Number(row.position), version: Number(row.version) } : null;
}

/**
 * The fence for several projections sharing one transaction. PostgreSQL locks the rows in name
 * order, so two transactions over overlapping sets (a handover, a rebuild beside the leader)
 * queue rather than deadlock.
 */
export async function lockCheckpoints(trx: Kysely<any>, dialect: ReadModelDialect, names: readonly string[]): Promise<Map<string, Checkpoint>> {
  let query = trx.selectFrom(CHECKPOINTS_TABLE).select(['name', 'position', 'version']).where('name', 'in', names).orderBy('name');
  if (dialect === 'postgres') query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((r) => [String(r.name), { position: Number(r.position), version: Number(r.version) }]));
}

/** Moves checkpoints whose rows this transaction holds locked (their version was just checked). */
export async function moveCheckpoints(trx: Kysely<any>, names: readonly string[], position: number): Promise<void> {
  if (names.length === 0) return;
  await trx.updateTable(CHECKPOINTS_TABLE).set({ position, updated_at: new Date().toISOString() }).where('name', 'in', names).execute();
}

export async function writeCheckpoint(trx: Kysely<any>, name: string, checkpoint: Checkpoint): Promise<void> {
  const updatedAt = new Date().toISOString();
  await trx
    .insertInto(CHECKPOINTS_TABLE)
    .values({ name, position: checkpoint.position, version: checkpoint.version, updated_at: updatedAt })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: checkpoint.position, version: checkpoint.version, updated_at: updatedAt }))
    .execute();
}

export async function ensureCheckpointRow(trx: Kysely<any>, name: string, version: number): Promise<void> {
  await trx
    .insertInto(CHECKPOINTS_TABLE)
    .values({ name, position: 0, version, updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
