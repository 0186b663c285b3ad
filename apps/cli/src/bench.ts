/**
 * `npm run bench [-- name...]`: runs src/bench/<name>.bench.ts (all of them without a name).
 * Each benchmark prints its own table of throughput next to a raw baseline measured in the same
 * run with the same driver and settings, and the ratio against the target; at the end one table
 * gathers every target the benchmarks run reported (target-summary.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { printTargetSummary } from './bench/target-summary';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const dir = join(__dirname, 'bench');
  const available = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; available: ${available.join(', ')}`);
  }
  for (const name of wanted.length > 0 ? wanted : available) {
    console.log(`\n## bench: ${name}`);
    const mod = (await import(join(dir, `${name}.bench.ts`))) as BenchModule;
    await mod.run();
  }
  printTargetSummary();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
