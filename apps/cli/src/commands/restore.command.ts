import { resolve } from 'node:path';
import { refusalFor, restoreStore } from '../backup/restore-store';
import { type CliCommand, EXIT, parseArgs } from '../cli-command';

const USAGE = 'restore <file> --data-dir <empty dir>';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore a backup (store and DATA_DIR secrets) into an empty data directory; then verify it and start the service on it',
  usage: USAGE,
  async run(args, io) {
    const { positional, options, unknown } = parseArgs(args, ['data-dir']);
    if (unknown.length > 0 || positional.length !== 1 || !options['data-dir']) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const dir = resolve(options['data-dir']);
    const refusal = refusalFor(dir);
    if (refusal) {
      io.err(`${refusal}\n`);
      return EXIT.usage;
    }
    let restored;
    try {
      restored = await restoreStore(resolve(positional[0]), dir, io);
    } catch (error) {
      io.err(`restore failed, nothing left in ${dir}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    io.out(`restored ${restored.events} events up to position ${restored.headPosition} (backup taken ${restored.takenAt}) into ${restored.store}\n`);
    io.out(restored.files.length > 0 ? `  with ${restored.files.join(', ')}\n` : '  the backup holds no auth-secret: start the service with the AUTH_SECRET it had\n');
    io.out(`check it:  npm run cli -- verify --all --store sqlite:${restored.store}\n`);
    io.out(`start it:  DATA_DIR=${dir} npm start\n`);
    return EXIT.ok;
  },
};
