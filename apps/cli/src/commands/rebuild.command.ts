import { createReadModelDb, ProjectionRunner } from '@crm/engine';
import { type CliCommand, EXIT, parseArgs } from '../cli-command';
import { openStore, storeLocationOrExplain } from '../open-store';
import { ProgressBar } from '../progress-bar';
// The service's projections are the source of truth for what a read model is; the CLI reuses them.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { projections } from '../../../api/src/read-models/projection-registrations';

const USAGE = 'rebuild <projection|--all|--list> [--store <EVENT_STORE>]';

/**
 * Throws read models away and replays the store from position zero. Safe while the service runs:
 * the checkpoint fence makes a running leader skip what the rebuild already applied.
 */
export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'rebuild one read model (or all) from position zero, with progress',
  usage: USAGE,
  async run(args, io) {
    const flags = new Set<string>(args.filter((a) => a === '--all' || a === '--list'));
    const { positional, options, unknown } = parseArgs(args.filter((a) => !flags.has(a)), ['store']);
    const known = projections();
    if (flags.has('--list')) {
      for (const p of known) io.out(`${p.name} (version ${p.version})\n`);
      return EXIT.ok;
    }
    const wanted = flags.has('--all') ? known.map((p) => p.name) : positional;
    const missing = wanted.filter((name) => !known.some((p) => p.name === name));
    if (unknown.length > 0 || wanted.length === 0 || missing.length > 0) {
      if (missing.length > 0) io.err(`unknown projection(s): ${missing.join(', ')}; see: npm run cli -- rebuild --list\n`);
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const location = storeLocationOrExplain(options.store, io);
    if (!location) return EXIT.usage;
    const store = await openStore(location);
    const readModels = await createReadModelDb(location.kind === 'esdb' ? location.readModels : store);
    try {
      const runner = new ProjectionRunner(store, readModels, known);
      // one pass over the store for every read model asked for
      const bar = new ProgressBar(io.err, wanted.length === 1 ? wanted[0] : `${wanted.length} read models`, io.interactive);
      const { events, ms, failed } = await runner.rebuildAll(wanted, (p) => bar.update(p.position, p.target));
      bar.update(events, events);
      for (const name of wanted) {
        const error = failed.get(name);
        io.out(error ? `${name}: FAILED: ${error.message}\n` : `${name}: rebuilt from ${events} events in ${ms} ms\n`);
      }
      return failed.size > 0 ? EXIT.failed : EXIT.ok;
    } finally {
      await readModels.close();
      await store.close();
    }
  },
};
