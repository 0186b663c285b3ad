import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

/**
 * Files of DATA_DIR that are not in the SQLite file but without which a restored service is not
 * the same service: `auth-secret` signs every bearer token (unless AUTH_SECRET is set). A new
 * file the service keeps in DATA_DIR must be added here, or backups silently go without it.
 */
export const DATA_DIR_FILES = ['auth-secret'] as const;

/** The name a restore gives the store, DATA_DIR's default, so `DATA_DIR=<dir> npm start` finds it. */
export const RESTORED_STORE = 'crm.db';

export const BackupInfo = z.object({
  format: z.literal('crm-backup/1'),
  takenAt: z.string(),
  source: z.string(),
  events: z.number().int().nonnegative(),
  headPosition: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export interface DataDirFile {
  name: string;
  content: Buffer;
}

// kept inside the copy, so one file (0600) carries the store and its secrets together
const SEAL = `
CREATE TABLE crm_backup (info TEXT NOT NULL);
CREATE TABLE crm_backup_files (name TEXT PRIMARY KEY, content BLOB NOT NULL);
`;

export function dataDirFiles(dataDir: string): DataDirFile[] {
  return DATA_DIR_FILES.flatMap((name) => {
    const path = join(dataDir, name);
    return existsSync(path) ? [{ name, content: readFileSync(path) }] : [];
  });
}

/**
 * Adds the backup's description and DATA_DIR's files to a fresh copy, checks it, and turns it
 * into a rollback-journal database: one self-contained file, no -wal beside it to forget.
 */
export function sealBackup(path: string, info: BackupInfo, files: readonly DataDirFile[]): void {
  const db = new BetterSqlite3(path);
  try {
    db.exec(SEAL);
    db.prepare('INSERT INTO crm_backup (info) VALUES (?)').run(JSON.stringify(info));
    const insert = db.prepare('INSERT INTO crm_backup_files (name, content) VALUES (?, ?)');
    for (const f of files) insert.run(f.name, f.content);
    db.pragma('journal_mode = DELETE');
    assertIntact(db, path);
  } finally {
    db.close();
  }
}

/** What a backup holds, or an error saying why the file is not one. */
export function readBackup(path: string): { info: BackupInfo; files: DataDirFile[] } {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const row = tryGet(db, 'SELECT info FROM crm_backup') as { info: string } | undefined;
    if (!row) throw new Error(`${path} is not a backup made by \`npm run cli -- backup\``);
    assertIntact(db, path);
    const files = db.prepare('SELECT name, content FROM crm_backup_files ORDER BY name').all() as DataDirFile[];
    return { info: BackupInfo.parse(JSON.parse(row.info)), files };
  } finally {
    db.close();
  }
}

/** The restored store is a plain store again: the backup's own tables go. */
export function unsealRestored(path: string): void {
  const db = new BetterSqlite3(path);
  try {
    db.exec('DROP TABLE crm_backup; DROP TABLE crm_backup_files;');
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

function assertIntact(db: BetterSqlite3.Database, path: string): void {
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') throw new Error(`${path} fails SQLite's integrity check: ${String(result)}`);
}

function tryGet(db: BetterSqlite3.Database, sql: string): unknown {
  try {
    return db.prepare(sql).get();
  } catch {
    return undefined; // no such table, or not a database at all
  }
}
