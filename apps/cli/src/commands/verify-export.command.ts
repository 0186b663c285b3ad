import { resolve } from 'node:path';
import { verifyExport } from '../archive/export-verification';
import { type CliCommand, EXIT } from '../cli-command';

const USAGE = 'verify-export <dir>';

export const verifyExportCommand: CliCommand = {
  name: 'verify-export',
  summary: "check a year export without the store: every line's hash along its stream's chain, the heads and counts of its manifest, each file's sha-256",
  usage: USAGE,
  async run(args, io) {
    if (args.length !== 1 || args[0].startsWith('--')) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const dir = resolve(args[0]);
    let result;
    try {
      result = await verifyExport(dir);
    } catch (error) {
      io.err(`${dir}: ${(error as Error).message}\n`);
      return EXIT.failed;
    }
    const { manifest } = result;
    if (result.problems.length === 0) {
      io.out(`${manifest.year}: OK, ${result.checked} events in ${manifest.streams.length} streams, every hash chain intact from its anchor to the manifest's head\n`);
      io.out(`  manifest sha-256 ${result.manifestSha256} (compare with the one noted when the year was exported)\n`);
      return EXIT.ok;
    }
    io.out(`${manifest.year}: BROKEN\n`);
    for (const problem of result.problems) io.out(`  ${problem}\n`);
    return EXIT.failed;
  },
};
