import { Client } from 'pg';

/** A query handed to a pg Client while another one it had been given had not finished. */
export interface PgClientOverlap {
  running: string;
  submitted: string;
  /** where the second query came from */
  stack: string;
}

export interface PgOverlapWatch {
  readonly overlaps: readonly PgClientOverlap[];
  /** throws, naming each overlapping query and its caller, if any client was used concurrently */
  assertNone(): void;
  stop(): void;
}

interface InFlight {
  count: number;
  text: string;
}

const inFlight = new WeakMap<Client, InFlight>();
const watches = new Set<PgClientOverlap[]>();
let original: Client['query'] | null = null;

/**
 * Records every pg Client (pooled or dedicated) that is asked for a query while it still runs
 * another. The pool never does that; code holding a client of its own may. pg only warns about it
 * once per process ("client.query() when the client is already executing a query", removed in pg 9),
 * from the third overlapping query on: this catches the first, and says where it came from.
 */
export function watchPgClientOverlap(): PgOverlapWatch {
  install();
  const overlaps: PgClientOverlap[] = [];
  watches.add(overlaps);
  return {
    overlaps,
    assertNone() {
      if (overlaps.length === 0) return;
      const lines = overlaps.slice(0, 5).map((o) => `- "${o.submitted}" while "${o.running}" ran\n${o.stack}`);
      throw new Error(`a pg Client was used concurrently ${overlaps.length} time(s):\n${lines.join('\n')}`);
    },
    stop() {
      watches.delete(overlaps);
      if (watches.size === 0 && original) {
        Client.prototype.query = original;
        original = null;
      }
    },
  };
}

function install(): void {
  if (original) return;
  const query = Client.prototype.query;
  original = query;
  Client.prototype.query = function watchedQuery(this: Client, ...args: unknown[]) {
    const text = describe(args[0]);
    const state = inFlight.get(this);
    if (state && state.count > 0) {
      const stack = new Error().stack?.split('\n').slice(2, 12).join('\n') ?? '';
      for (const overlaps of watches) overlaps.push({ running: state.text, submitted: text, stack });
    }
    inFlight.set(this, { count: (state?.count ?? 0) + 1, text });
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      const now = inFlight.get(this);
      if (now) now.count--;
    };
    const callbackAt = args.findIndex((a) => typeof a === 'function');
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...r: unknown[]) => void;
      args[callbackAt] = (...r: unknown[]) => (done(), callback(...r));
    } else if (isPlainConfigWithCallback(args[0])) {
      const config = args[0] as { callback: (...r: unknown[]) => void };
      args[0] = { ...config, callback: (...r: unknown[]) => (done(), config.callback(...r)) };
    }
    let result: any;
    try {
      result = (query as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      done();
      throw error;
    }
    if (result && typeof result.then === 'function') result.then(done, done);
    else if (result && typeof result.once === 'function') {
      result.once('end', done);
      result.once('error', done);
    }
    return result;
  } as Client['query'];
}

function isPlainConfigWithCallback(config: unknown): config is { callback: (...r: unknown[]) => void } {
  const c = config as { callback?: unknown; submit?: unknown } | null;
  return typeof c?.callback === 'function' && typeof c.submit !== 'function';
}

function describe(config: unknown): string {
  const text = typeof config === 'string' ? config : ((config as { name?: string; text?: string })?.name ?? (config as { text?: string })?.text ?? '?');
  return text.replace(/\s+/g, ' ').slice(0, 80);
}
