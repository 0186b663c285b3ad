/**
 * One `import-pickups` run in a process of its own, as an operator runs it (`npm run cli --
 * import-pickups`), so that the peak RSS measured is the import's alone: prints one JSON line
 * with the exit code, the wall time of the command and the process's peak RSS.
 * Usage: node -r ./tools/swc-register.cjs import.bench-child.ts <file> <store>
 */
import { importPickupsCommand } from '../commands/import-pickups.command';

async function main(): Promise<void> {
  const [file, store] = process.argv.slice(2);
  const said: string[] = [];
  const started = process.hrtime.bigint();
  const exit = await importPickupsCommand.run([file, '--store', store], {
    out: (text) => said.push(text), err: (text) => said.push(text), interactive: false, env: {},
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(JSON.stringify({ exit, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, said: said.join('').slice(-400) }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
