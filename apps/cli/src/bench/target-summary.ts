import { cpus, loadavg } from 'node:os';

/** One of issue 20's targets as a benchmark of this run measured it. */
export interface TargetRow {
  bench: string;
  engine: string;
  target: string;
  value: string;
  /** null: not measured, or shown for information */
  met: boolean | null;
  /** why it misses, as found by profiling (docs/benchmarks.md); printed only for a miss */
  cause?: string;
}

const rows: TargetRow[] = [];
const startLoad = loadavg();

export function reportTarget(row: TargetRow): void {
  rows.push(row);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Every target the benchmarks of this run reported, in one table, with the machine's load. */
export function printTargetSummary(): void {
  if (rows.length === 0) return;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`\n## Issue 20's targets, this run (load average ${load(startLoad)} at the start, ${load(loadavg())} at the end, 1/5/15 min; ${cpus().length} cores)`);
  console.log('| bench | engine | target | this run | | cause of a miss |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const verdict = r.met === null ? '–' : r.met ? 'met' : '**MISSED**';
    console.log(`| ${r.bench} | ${r.engine} | ${cell(r.target)} | ${cell(r.value)} | ${verdict} | ${r.met === false ? cell(r.cause ?? 'see docs/benchmarks.md') : ''} |`);
  }
}
