import { type ChainVerification, ChainVerifier, customerLinkOf } from '@crm/audit';
import type { EventStore } from '@crm/event-store';
import { type CliCommand, type CliIo, EXIT, parseArgs } from '../cli-command';
import { openStore, storeLocationOrExplain } from '../open-store';

const USAGE = 'verify <customerId|--all> [--store <EVENT_STORE>]';
const PAGE = 5000;

/**
 * Recomputes hash chains straight from the store (no read model is trusted): every stream with
 * --all, else the customer's streams, found by scanning the global order. Exit 1 on a break.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "recompute the hash chains of a customer's streams (or of every stream) and report the first break",
  usage: USAGE,
  async run(args, io) {
    const all = args.includes('--all');
    const { positional, options, unknown } = parseArgs(args.filter((a) => a !== '--all'), ['store']);
    if (unknown.length > 0 || (all ? positional.length !== 0 : positional.length !== 1)) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const location = storeLocationOrExplain(options.store, io);
    if (!location) return EXIT.usage;
    const store = await openStore(location);
    try {
      const result = await scan(store, all ? null : positional[0]);
      return report(result, all ? 'all streams' : `customer ${positional[0]}`, io);
    } finally {
      await store.close();
    }
  },
};

async function scan(store: EventStore, customerId: string | null): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  const streams = new Set<string>();
  for (let from = 0; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
    for (const event of page) {
      // a stream joins on the event that names the customer (its first); its later events follow
      if (customerId !== null && !streams.has(event.streamId)) {
        if (customerLinkOf(event) !== customerId) continue;
        streams.add(event.streamId);
      }
      verifier.push(event);
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1].position;
  }
  return verifier.result();
}

function report(result: ChainVerification, what: string, io: CliIo): number {
  if (result.streams.length === 0) {
    io.err(`${what}: no events found\n`);
    return EXIT.failed;
  }
  if (result.ok) {
    io.out(`${what}: OK, ${result.checked} events in ${result.streams.length} streams, every hash chain intact\n`);
    return EXIT.ok;
  }
  const b = result.firstBreak;
  io.out(`${what}: BROKEN\n`);
  if (b) {
    io.out(`  first break: ${b.streamId} revision ${b.revision} (position ${b.position}): ${b.reason}\n`);
    io.out(`  expected hash ${b.expectedHash}\n  stored hash   ${b.actualHash}\n`);
  }
  io.out(`  ${result.streams.filter((s) => !s.ok).length} of ${result.streams.length} streams broken\n`);
  return EXIT.failed;
}
