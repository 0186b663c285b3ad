import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@crm/config';
import { restrictDirectory } from '@crm/event-store-sqlite';
import { MANIFEST, monthIn } from '../archive/export-manifest';
import { exportYear } from '../archive/year-export';
import { type CliCommand, EXIT, parseArgs } from '../cli-command';
import { openStore, storeLocationOrExplain } from '../open-store';

const USAGE = 'export-year <year> <dir> [--store <EVENT_STORE>]';

/**
 * Retention (ADR 0021): a closed year's events to JSONL files with their hashes and a manifest of
 * counts and chain heads, verifiable later by `verify-export` without the store. The events stay
 * in the store; the export is what outlives it.
 */
export const exportYearCommand: CliCommand = {
  name: 'export-year',
  summary: "write a closed year's events (by the time the store recorded them, in TZ_BUSINESS) to JSONL files with their hashes and a manifest of counts and chain heads",
  usage: USAGE,
  async run(args, io) {
    const { positional, options, unknown } = parseArgs(args, ['store']);
    const year = Number(positional[0]);
    if (unknown.length > 0 || positional.length !== 2 || !Number.isInteger(year) || year < 1970) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const location = storeLocationOrExplain(options.store, io);
    if (!location) return EXIT.usage;
    const timeZone = loadConfig({ ...io.env, EVENT_STORE: undefined, READ_MODEL_DB: undefined }).businessTimeZone;
    const now = io.now?.() ?? new Date();
    const today = monthIn(timeZone, now.toISOString());
    if (year >= Number(today.slice(0, 4))) {
      io.err(`${year} is not a closed year (it is ${today} in ${timeZone}): only a year that has ended can be exported whole\n`);
      return EXIT.usage;
    }
    const dir = resolve(positional[1]);
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      io.err(`${dir} is not empty; an export never mixes with or overwrites another\n`);
      return EXIT.usage;
    }
    restrictDirectory(dir);
    const store = await openStore(location);
    try {
      const manifest = await exportYear(store, year, dir, timeZone, now);
      io.out(`${year}: ${manifest.events} events of ${manifest.streams.length} streams in ${manifest.files.length} files under ${dir}\n`);
      const sha256 = createHash('sha256').update(readFileSync(join(dir, MANIFEST))).digest('hex');
      io.out(`  ${MANIFEST} lists each file's sha-256 and each stream's anchor and head hash; its own sha-256 is ${sha256}: note it outside the archive\n`);
      io.out(`  check it later with: npm run cli -- verify-export ${dir}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
