/** One side of a comparison: `run(round)` does a fixed amount of work and answers how many operations it did. */
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

async function opsPerSecond(side: Side, round: number): Promise<number> {
  const started = process.hrtime.bigint();
  const ops = await side.run(round);
  return ops / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Store and raw alternate within every round, and which goes first alternates between rounds, so
 * that neither side always runs on the warmer or the quieter machine. Round 0 is a warm-up, not counted.
 */
export async function interleavedRounds(store: Side, raw: Side, rounds: number): Promise<RoundsResult> {
  await store.run(-1);
  await raw.run(-1);
  const storeRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      storeRates.push(await opsPerSecond(store, round));
      rawRates.push(await opsPerSecond(raw, round));
    } else {
      rawRates.push(await opsPerSecond(raw, round));
      storeRates.push(await opsPerSecond(store, round));
    }
  }
  const ratios = storeRates.map((s, i) => s / rawRates[i]);
  return { store: median(storeRates), raw: median(rawRates), ratios, ratio: median(ratios) };
}
