import { FileReference } from './file-reference';

/** Where in an event's data a file reference was found, as a dotted path (`documents.0.file`). */
export interface FoundFileReference {
  path: string;
  file: FileReference;
}

const MAX_DEPTH = 12;

/**
 * Every file reference anywhere in an event's data, whatever the event type: verification and
 * the file read model need no list of which events may name files, so an event type that starts
 * carrying one later is covered without a change here.
 */
export function findFileReferences(data: unknown, path = '', depth = 0): FoundFileReference[] {
  if (data === null || typeof data !== 'object' || depth > MAX_DEPTH) return [];
  // the cheap test first: projections run this over every event of the log
  const parsed = Array.isArray(data) || !('sha256' in data) ? null : FileReference.safeParse(data);
  if (parsed?.success) return [{ path, file: parsed.data }];
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  return entries.flatMap(([key, value]) => findFileReferences(value, path ? `${path}.${key}` : key, depth + 1));
}
