import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '@crm/config';
import { backupStore } from '../backup/backup-store';
import { type CliCommand, EXIT, parseArgs } from '../cli-command';
import { storeLocationOrExplain } from '../open-store';

const USAGE = 'backup <file> [--store sqlite:<path>] [--data-dir <dir>]';

/** What to do instead on an engine this command does not copy (README, "Keep data safe"). */
const ELSEWHERE = {
  postgres: 'a PostgreSQL store is backed up with pg_dump, or continuously with WAL archiving (README, "Keep data safe")',
  esdb: "an EventStoreDB store is backed up with the cluster's own backup (its chunk files); READ_MODEL_DB holds the files and webhook secrets: pg_dump it, or `sqlite3 <file> \".backup <copy>\"`",
} as const;

/**
 * An online backup of the SQLite store while the service runs: the whole file (events, read
 * models, files, webhook secrets) as of one instant, plus DATA_DIR's `auth-secret`.
 */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the running SQLite store (events, read models, files) and the secrets in DATA_DIR into one file, consistent as of one instant',
  usage: USAGE,
  async run(args, io) {
    const { positional, options, unknown } = parseArgs(args, ['store', 'data-dir']);
    if (unknown.length > 0 || positional.length !== 1) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const location = storeLocationOrExplain(options.store, io);
    if (!location) return EXIT.usage;
    if (location.kind !== 'sqlite') {
      io.err(`backup copies the embedded SQLite store; ${ELSEWHERE[location.kind]}\n`);
      return EXIT.usage;
    }
    const target = resolve(positional[0]);
    if (existsSync(target)) {
      io.err(`${target} exists; a backup never overwrites a file (choose a new name)\n`);
      return EXIT.usage;
    }
    if (!existsSync(location.path)) {
      io.err(`no SQLite store at ${location.path}\n`);
      return EXIT.failed;
    }
    // the secrets sit beside the store unless DATA_DIR (from the environment) or --data-dir says otherwise
    const dataDir = options['data-dir'] ?? (options.store ? dirname(location.path) : loadConfig(io.env).dataDir);
    const done = await backupStore({ storePath: location.path, dataDir, target }, io);
    io.out(`backup written to ${target}: ${done.events} events up to position ${done.headPosition}, read models and files as of the same instant\n`);
    io.out(
      done.files.length > 0
        ? `  with ${done.files.join(', ')} from ${dataDir}\n`
        : `  no auth-secret in ${dataDir}: if AUTH_SECRET is set in the environment, keep it with your other secrets\n`,
    );
    io.out(`restore it with: npm run cli -- restore ${target} --data-dir <empty directory>\n`);
    return EXIT.ok;
  },
};
