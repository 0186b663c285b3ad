import { type ChainVerification, ChainVerifier, customerLinkOf, type FileVerification, FileVerifier } from '@crm/audit';
import { blobStoreBeside } from '@crm/blob-store';
import type { EventStore } from '@crm/event-store';
import { type CliCommand, type CliIo, EXIT, parseArgs } from '../cli-command';
import { openStore, storeLocationOrExplain } from '../open-store';

const USAGE = 'verify <customerId|--all> [--store <EVENT_STORE>]';
const PAGE = 5000;

/**
 * Recomputes hash chains straight from the store (no read model is trusted): every stream with
 * --all, else the customer's streams, found by scanning the global order; and re-hashes every
 * file those events name from the blob store beside them (ADR 0018). Exit 1 on any break.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "recompute the hash chains of a customer's streams (or of every stream) and re-hash the files they name; report the first break and every altered file",
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
      const { chains, files } = await scan(store, all ? null : positional[0]);
      const blobs = await blobStoreBeside(store, location.kind === 'esdb' ? location.readModels : undefined);
      try {
        const what = all ? 'all streams' : `customer ${positional[0]}`;
        const chainExit = report(chains, what, io);
        const fileExit = reportFiles(await files.verify(blobs), what, io);
        return chainExit !== EXIT.ok ? chainExit : fileExit;
      } finally {
        await blobs.close();
      }
    } finally {
      await store.close();
    }
  },
};

async function scan(store: EventStore, customerId: string | null): Promise<{ chains: ChainVerification; files: FileVerifier }> {
  const verifier = new ChainVerifier();
  const files = new FileVerifier();
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
      files.push(event);
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1].position;
  }
  return { chains: verifier.result(), files };
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

/** Each altered or missing file by name and sha-256, with every event that refers to it. */
function reportFiles(result: FileVerification, what: string, io: CliIo): number {
  if (result.checked === 0) return EXIT.ok; // events from before files were kept: nothing to say
  if (result.ok) {
    io.out(`${what}: files OK, ${result.checked} files re-hashed, each matches the sha-256 its events carry\n`);
    return EXIT.ok;
  }
  io.out(`${what}: FILES BROKEN (${result.broken.length} of ${result.checked})\n`);
  for (const b of result.broken) {
    const how = b.status === 'modified' ? `altered: the stored bytes now hash to ${b.actualSha256}` : 'missing from the blob store';
    io.out(`  file ${b.names.join(' / ')} sha-256 ${b.sha256}: ${how}\n`);
    for (const e of b.events) io.out(`    referenced by ${e.type} in ${e.streamId} revision ${e.revision} (position ${e.position}) at ${e.path || '(the event)'}\n`);
  }
  return EXIT.failed;
}
