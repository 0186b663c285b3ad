import type { ExpectedRevision } from '@crm/event-store';

export interface StreamHead {
  revision: number;
  hash: string;
}

const DEFAULT_CAPACITY = 50_000;

/**
 * The newest revision and hash this process has seen of recently used streams. It is only a
 * guess: es_append re-checks revision, hash and ids, and a wrong guess costs the head read the
 * append would have made anyway. Streams only grow, so a lower revision never replaces a higher.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  saw(streamId: string, revision: number, hash: string): void {
    const known = this.heads.get(streamId);
    if (known && known.revision >= revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, { revision, hash });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }

  /**
   * The head to append after without reading it: null for a stream that must not exist yet;
   * undefined when this process does not know the head the caller expects.
   */
  knownFor(streamId: string, expected: ExpectedRevision): StreamHead | null | undefined {
    if (expected === 'no_stream') return null;
    const known = this.heads.get(streamId);
    if (!known) return undefined;
    if (typeof expected === 'number' && known.revision !== expected) return undefined;
    return known;
  }
}
