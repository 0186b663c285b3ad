/** One side of a comparison: `run(round)` does one slice of fixed work and answers how many operations it did. */
export interface Side {
  run(round: number): Promise<number>;
}

export interface RoundsResult {
  /** median ops/s of each side */
  store: number;
  raw: number;
  /** store/raw of each round, in round order */
  ratios: number[];
  /** median of the per-round ratios: drift of the machine's load cancels within a round */
  ratio: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timed(side: Side, round: number): Promise<{ ops: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const ops = await side.run(round);
  return { ops, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Store and raw alternate slice by slice within every round (which goes first alternates too), so
 * that a burst of load from other processes falls on both sides alike; a side's rate in a round is
 * its operations over its own time in that round's slices. A warm-up slice of each is not counted.
 */
export async function interleavedRounds(store: Side, raw: Side, rounds: number, slices: number): Promise<RoundsResult> {
  await store.run(-1);
  await raw.run(-1);
  const storeRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const totals = { store: { ops: 0, seconds: 0 }, raw: { ops: 0, seconds: 0 } };
    for (let slice = 0; slice < slices; slice++) {
      const order = (round + slice) % 2 === 0 ? (['store', 'raw'] as const) : (['raw', 'store'] as const);
      for (const side of order) {
        const t = await timed(side === 'store' ? store : raw, round);
        totals[side].ops += t.ops;
        totals[side].seconds += t.seconds;
      }
    }
    storeRates.push(totals.store.ops / totals.store.seconds);
    rawRates.push(totals.raw.ops / totals.raw.seconds);
  }
  const ratios = storeRates.map((s, i) => s / rawRates[i]);
  return { store: median(storeRates), raw: median(rawRates), ratios, ratio: median(ratios) };
}
