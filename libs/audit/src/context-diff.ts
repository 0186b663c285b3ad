import { PersistentMap } from '@crm/customers';

export interface ContextChange {
  /** `grade`, or `documents.doc-1` for an entry of a keyed record */
  path: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an event changed in a machine's context. XState's assign keeps untouched keys by
 * reference, so reference comparison finds the changed keys; records (documents) and persistent
 * maps (pickups) are opened one level so an entry is reported instead of the whole collection.
 */
export function contextDiff(before: unknown, after: unknown): ContextChange[] {
  if (!isRecord(before) || !isRecord(after)) return before === after ? [] : [{ path: '', before, after }];
  const changes: ContextChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [b, a] = [before[key], after[key]];
    if (b === a) continue;
    if (b instanceof PersistentMap && a instanceof PersistentMap) {
      // shared subtrees are skipped, so one pickup among 10,000 costs one path, not a scan
      for (const c of a.changesSince(b)) changes.push({ path: `${key}.${c.key}`, before: c.before ?? null, after: c.after ?? null });
    } else if (isRecord(b) && isRecord(a) && isKeyedRecord(a)) {
      for (const sub of new Set([...Object.keys(b), ...Object.keys(a)])) {
        if (b[sub] !== a[sub]) changes.push({ path: `${key}.${sub}`, before: b[sub] ?? null, after: a[sub] ?? null });
      }
    } else {
      changes.push({ path: key, before: b ?? null, after: a ?? null });
    }
  }
  return changes;
}

/** A record keyed by ids (every value an object), as opposed to a value object like `class`. */
function isKeyedRecord(value: Record<string, unknown>): boolean {
  const values = Object.values(value);
  return values.length > 0 && values.every(isRecord);
}
