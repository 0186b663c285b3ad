import { type ChainVerification, verifyChain } from '@crm/audit';
import type { CustomerRecord } from './customer-audit.service';

export interface StreamSpanMismatch {
  streamId: string;
  reason: 'stream_truncated' | 'stream_start_missing';
  /** first/last position the customer-streams read model saw being appended */
  seen: number;
  /** what the store holds now */
  stored: number | null;
}

/**
 * The hash chain cannot see events cut off a stream's end; the customer-streams read model
 * remembers each stream's first and last position as appended, so a shortened stream shows.
 */
export function verifyCustomerRecord(record: CustomerRecord): ChainVerification & { spans: StreamSpanMismatch[] } {
  const chain = verifyChain(record.events);
  const spans: StreamSpanMismatch[] = [];
  for (const row of record.streams) {
    const events = record.events.filter((e) => e.streamId === row.streamId);
    const [first, last] = [events[0]?.position ?? null, events.at(-1)?.position ?? null];
    if (last === null || last < row.lastPosition) spans.push({ streamId: row.streamId, reason: 'stream_truncated', seen: row.lastPosition, stored: last });
    else if (first !== row.firstPosition) spans.push({ streamId: row.streamId, reason: 'stream_start_missing', seen: row.firstPosition, stored: first });
  }
  return { ...chain, ok: chain.ok && spans.length === 0, spans };
}
