import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** One mode this process narrowed, for the start-up log line. */
export interface ModeChange {
  path: string;
  from: string;
  to: string;
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`;

/**
 * Narrows an existing file or directory to `mode` when group or others have any access; returns
 * the change made, if any. Files written by an earlier version (created world-readable) are
 * fixed on the next start rather than left as they are.
 */
export function restrictMode(path: string, mode: number): ModeChange | null {
  const current = statSync(path).mode & 0o777;
  if ((current & 0o077) === 0) return null;
  chmodSync(path, mode);
  return { path, from: octal(current), to: octal(mode) };
}

/**
 * A directory of our own: created 0700, or narrowed to 0700 when this user owns it. A shared
 * directory (sticky bit, as /tmp, or another owner) is left alone: narrowing it would lock
 * other users out of theirs, and the files in it are 0600 anyway.
 */
export function restrictDirectory(dir: string): ModeChange | null {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return restrictMode(dir, 0o700); // recursive mkdir applies the umask; make sure
  }
  const stat = statSync(dir);
  const ours = typeof process.getuid !== 'function' || stat.uid === process.getuid();
  return ours && (stat.mode & 0o1000) === 0 ? restrictMode(dir, 0o700) : null;
}

/**
 * The SQLite file's directory 0700, the file and its -wal and -shm 0600. The file is created
 * 0600 before SQLite opens it, because SQLite gives the -wal and -shm files it creates later the
 * main file's mode.
 */
export function restrictSqliteFiles(path: string): ModeChange[] {
  const changes = [restrictDirectory(dirname(path))];
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) changes.push(restrictMode(file, 0o600));
  return changes.filter((c): c is ModeChange => c !== null);
}
