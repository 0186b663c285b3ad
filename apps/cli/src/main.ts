/**
 * `npm run cli -- <command> [args]`: operator commands, one file each under commands/. Add a
 * command by adding its file and one entry to COMMANDS.
 */
import { type CliCommand, type CliIo, EXIT } from './cli-command';
import { backupCommand } from './commands/backup.command';
import { exportYearCommand } from './commands/export-year.command';
import { importCustomersCommand } from './commands/import-customers.command';
import { importPickupsCommand } from './commands/import-pickups.command';
import { rebuildCommand } from './commands/rebuild.command';
import { restoreCommand } from './commands/restore.command';
import { verifyCommand } from './commands/verify.command';
import { verifyExportCommand } from './commands/verify-export.command';

const COMMANDS: CliCommand[] = [importPickupsCommand, importCustomersCommand, rebuildCommand, verifyCommand, backupCommand, restoreCommand, exportYearCommand, verifyExportCommand];

const helpCommand: CliCommand = {
  name: 'help',
  summary: 'list the commands',
  usage: 'help',
  async run(_args, io) {
    io.out('usage: npm run cli -- <command> [args]\n\n');
    for (const c of [...COMMANDS, helpCommand]) io.out(`  ${c.usage}\n      ${c.summary}\n`);
    return EXIT.ok;
  },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = [...COMMANDS, helpCommand].find((c) => c.name === name || (name === '--help' && c === helpCommand));
  if (!command) {
    io.err(`unknown command "${name}"; try: npm run cli -- help\n`);
    return EXIT.usage;
  }
  return command.run(args, io);
}

if (require.main === module) {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), interactive: Boolean(process.stderr.isTTY), env: process.env };
  runCli(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(EXIT.failed);
    },
  );
}
