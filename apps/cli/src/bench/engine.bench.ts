/**
 * `npm run bench -- engine`: (1) projection rebuild events/s through the ProjectionRunner against
 * a hand-written read-and-upsert loop over the same rows with the same driver; (2) timer-firing
 * lateness p50/p99 with 100,000 pending timers and the memory the scheduler's process gained.
 * Sizes: BENCH_REBUILD_EVENTS (20000), BENCH_TIMERS_PENDING (100000), BENCH_TIMERS_DUE (600).
 */
import { createReadModelDb, type Projection, ProjectionRunner, readModelSnapshot } from '@crm/engine';
import {
  type BenchStore, postgresBenchStore, seedEvents, sqliteBenchStore, streamStatsPreparedProjection, streamStatsProjection, streamStatsSqlProjection, table,
} from './engine.bench-support';
import { rawPostgresRebuild, rawSqliteRebuild } from './engine.rebuild-baseline';
import { timerLoad, type TimerLoadResult } from './engine.timers-load';

const EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 20_000);
const PENDING = Number(process.env.BENCH_TIMERS_PENDING ?? 100_000);
const DUE = Number(process.env.BENCH_TIMERS_DUE ?? 600);
const WINDOW_MS = 6000;
const TARGET = { rebuild: 0.5, p99Ms: 1000, memoryMb: 200 };

const ROUNDS = Number(process.env.BENCH_REBUILD_ROUNDS ?? 3);

/** events/s of each way of writing the projection and of the raw loop, and each one's ratio to the raw loop of the same round */
interface RebuildRates {
  builder: number;
  prepared: number;
  template: number;
  raw: number;
  ratios: { builder: number; prepared: number; template: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Rebuild rate of the runner with a query-builder projection built per event, the same builder
 * query compiled once, a `sql`-template one, and the raw loop: ROUNDS interleaved rounds, each
 * ratio taken against the raw loop of its own round, the median reported (other work on the
 * machine moves single runs by 2x).
 */
async function rebuildRate(bench: BenchStore): Promise<RebuildRates> {
  await seedEvents(bench.store, EVENTS);
  const readModels = await createReadModelDb(bench.store);
  try {
    const rate = async (projection: Projection) => {
      const { events, ms } = await new ProjectionRunner(bench.store, readModels, [projection], { batchSize: 500 }).rebuild(projection.name);
      const rows = (await readModelSnapshot(readModels, projection)).bench_stream_stats.length;
      if (rows !== Math.ceil(EVENTS / 100)) throw new Error(`${projection.name} built ${rows} rows`);
      return events / (ms / 1000);
    };
    await rate(streamStatsSqlProjection); // warm-up: JIT, page cache
    const rounds: Array<Omit<RebuildRates, 'ratios'>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const builder = await rate(streamStatsProjection);
      const prepared = await rate(streamStatsPreparedProjection);
      const template = await rate(streamStatsSqlProjection);
      const raw = bench.engine === 'sqlite' ? rawSqliteRebuild(bench.location) : await rawPostgresRebuild(bench.location);
      rounds.push({ builder, prepared, template, raw });
    }
    const of = (pick: (r: Omit<RebuildRates, 'ratios'>) => number) => median(rounds.map(pick));
    return {
      builder: of((r) => r.builder), prepared: of((r) => r.prepared), template: of((r) => r.template), raw: of((r) => r.raw),
      ratios: { builder: of((r) => r.builder / r.raw), prepared: of((r) => r.prepared / r.raw), template: of((r) => r.template / r.raw) },
    };
  } finally {
    await readModels.close();
  }
}

async function withStores<T>(work: (bench: BenchStore) => Promise<T>): Promise<Array<{ engine: string; result: T }>> {
  const results: Array<{ engine: string; result: T }> = [];
  for (const open of [sqliteBenchStore, postgresBenchStore]) {
    const bench = await open();
    if (!bench) continue;
    try {
      results.push({ engine: bench.engine, result: await work(bench) });
    } finally {
      await bench.dispose();
    }
  }
  return results;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function run(): Promise<void> {
  console.log(`projection rebuild: ${EVENTS} events, batches of 500, one upsert per event; median of ${ROUNDS} interleaved rounds, ratio against the raw loop of the same round`);
  const rebuilds = await withStores(rebuildRate);
  const rows = rebuilds.flatMap(({ engine, result: r }) =>
    ([['kysely builder, built per event', r.builder, r.ratios.builder], ['kysely builder, compiled once', r.prepared, r.ratios.prepared], ['sql template', r.template, r.ratios.template]] as const).map(
      ([kind, rate, ratio]) => [engine, kind, rate.toFixed(0), r.raw.toFixed(0), `${ratio.toFixed(2)}x`, `>= ${TARGET.rebuild}x`, verdict(ratio >= TARGET.rebuild)],
    ),
  );
  console.log(table(['engine', 'projection written with', 'runner events/s', 'raw loop events/s', 'ratio', 'target', ''], rows));
  console.log(`\ntimer firing: ${PENDING} pending timers in the table, ${DUE} falling due over ${WINDOW_MS / 1000} s`);
  const timers = await withStores((bench) => timerLoad(bench, PENDING, DUE, WINDOW_MS));
  const line = ({ engine, result: r }: { engine: string; result: TimerLoadResult }) => [
    engine, `${r.fired}/${DUE}`, r.p50.toFixed(0), r.p99.toFixed(0), r.max.toFixed(0), r.rssDeltaMb.toFixed(1), r.heapDeltaMb.toFixed(1),
    verdict(r.fired === DUE && r.p99 <= TARGET.p99Ms && r.rssDeltaMb <= TARGET.memoryMb),
  ];
  console.log(table(['engine', 'fired', 'p50 ms', 'p99 ms', 'max ms', 'RSS +MB', 'heap +MB', `p99 <= ${TARGET.p99Ms} ms, <= ${TARGET.memoryMb} MB`], timers.map(line)));
}
