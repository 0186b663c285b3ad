/** Where events live. */
export type EventStoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'esdb'; url: string; readModelUrl: string; readModels: SqlStoreLocation };

/** Where read models live when the event store has no SQL of its own (EventStoreDB). */
export type SqlStoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ESDB = /^(esdb|kurrentdb)(\+discover)?:\/\//i;
const POSTGRES = /^postgres(ql)?:\/\//i;

/** `sqlite:<path>` (also `sqlite://<path>`) or a `postgres://` / `postgresql://` URL. */
export function parseSqlStore(value: string): Parsed<SqlStoreLocation> {
  if (/^sqlite:/i.test(value)) {
    const path = value.replace(/^sqlite:(\/\/)?/i, '');
    return path ? { ok: true, value: { kind: 'sqlite', path } } : { ok: false, message: 'sqlite: needs a file path, e.g. sqlite:./data/crm.db' };
  }
  if (POSTGRES.test(value)) {
    const bad = badUrl(value);
    return bad ? { ok: false, message: bad } : { ok: true, value: { kind: 'postgres', url: value } };
  }
  return { ok: false, message: `"${value}" is neither sqlite:<path> nor a postgres:// URL` };
}

/** The engine named by EVENT_STORE; `esdb` also needs the SQL store of READ_MODEL_DB. */
export function parseEventStore(value: string): Parsed<{ kind: 'esdb'; url: string } | SqlStoreLocation> {
  if (ESDB.test(value)) {
    const bad = badUrl(value.replace(/\+discover/i, ''));
    return bad ? { ok: false, message: bad } : { ok: true, value: { kind: 'esdb', url: value } };
  }
  if (/^sqlite:/i.test(value) || POSTGRES.test(value)) return parseSqlStore(value);
  return { ok: false, message: `"${value}" is not sqlite:<path>, postgres://…, postgresql://…, esdb://… or kurrentdb://…` };
}

/** ESDB connection strings list several hosts (`a:2113,b:2113`), which URL cannot parse: check the first. */
function badUrl(value: string): string | null {
  const [scheme, rest = ''] = value.split('://');
  const hostPart = rest.replace(/^[^@/]*@/, '').split(/[/?,]/)[0];
  if (!hostPart) return `${scheme}:// URL has no host`;
  try {
    new URL(`${scheme}://${rest.replace(/,[^/?]*/, '')}`);
    return null;
  } catch {
    return `"${value}" is not a valid URL`;
  }
}
