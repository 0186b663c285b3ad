import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { restrictDirectory, restrictSqliteFiles } from '@crm/event-store-sqlite';
import type { CliIo } from '../cli-command';
import { ProgressBar } from '../progress-bar';
import { type BackupInfo, readBackup, RESTORED_STORE, unsealRestored } from './backup-file';

/** Why `dir` may not receive a restore, or null when it is empty or absent. */
export function refusalFor(dir: string): string | null {
  if (!existsSync(dir)) return null;
  if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
  const entries = readdirSync(dir);
  if (entries.length === 0) return null;
  const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
  return `${dir} is not empty (${shown}); restore only writes into an empty data directory, so nothing a service may be using is overwritten`;
}

/**
 * Restores a backup into an empty (or new) directory: the store as `crm.db` without the
 * backup's own tables, and DATA_DIR's files (0600). A failure leaves the directory as
 * empty as it was.
 */
export async function restoreStore(backup: string, dir: string, io: CliIo): Promise<BackupInfo & { store: string; files: string[] }> {
  const { info, files } = readBackup(backup);
  restrictDirectory(dir);
  const store = join(dir, RESTORED_STORE);
  const written = [store, ...files.map((f) => join(dir, f.name))];
  try {
    closeSync(openSync(store, 'wx', 0o600));
    await copyInto(backup, store, new ProgressBar(io.err, 'restore', io.interactive));
    unsealRestored(store);
    for (const f of files) {
      // secrets, whatever mode they had: the service narrows them to 0600 on start anyway
      writeFileSync(join(dir, f.name), f.content, { mode: 0o600, flag: 'wx' });
    }
    restrictSqliteFiles(store);
    return { ...info, store, files: files.map((f) => f.name) };
  } catch (error) {
    for (const path of written.flatMap((p) => [p, `${p}-wal`, `${p}-shm`, `${p}-journal`])) rmSync(path, { force: true });
    throw error;
  }
}

const PAGES_PER_STEP = 256;

/** SQLite's backup API again: a page copy of a quiet file, with the same progress bar. */
async function copyInto(backup: string, store: string, bar: ProgressBar): Promise<void> {
  const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try {
    const done = await source.backup(store, {
      progress: ({ totalPages, remainingPages }) => {
        bar.update(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    bar.update(done.totalPages, done.totalPages);
  } finally {
    source.close();
  }
}
