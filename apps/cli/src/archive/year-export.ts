import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type EventStore, GENESIS_HASH, type StoredEvent } from '@crm/event-store';
import { type ExportStream, fileOfMonth, MANIFEST, monthIn, type YearExportManifest } from './export-manifest';

const PAGE = 5000;

interface OpenFile {
  fd: number;
  hash: Hash;
  events: number;
}

/**
 * Writes the events the store recorded in `year` (in `timeZone`) to one JSONL file per month,
 * each line a stored event exactly as the store hands it out, then the manifest. The whole log
 * is scanned once: the events before the year give each stream's anchor, later ones are skipped.
 */
export async function exportYear(store: EventStore, year: number, dir: string, timeZone: string, now: Date): Promise<YearExportManifest> {
  const lastBefore = new Map<string, string>();
  const streams = new Map<string, ExportStream>();
  const files = new Map<string, OpenFile>();
  let events = 0;
  let firstPosition: number | null = null;
  let lastPosition: number | null = null;
  try {
    for (let from = 0; ; ) {
      const page = await store.readAll({ fromPosition: from, maxCount: PAGE });
      for (const event of page) {
        const month = monthIn(timeZone, event.recordedAt);
        const eventYear = Number(month.slice(0, 4));
        if (eventYear < year) lastBefore.set(event.streamId, event.hash);
        if (eventYear !== year) continue;
        write(files, dir, month, event);
        track(streams, lastBefore, event);
        events += 1;
        firstPosition ??= event.position;
        lastPosition = event.position;
      }
      if (page.length < PAGE) break;
      from = page[page.length - 1].position;
    }
  } finally {
    for (const f of files.values()) closeSync(f.fd);
  }
  const manifest: YearExportManifest = {
    format: 'crm-year-export/1', year, timeZone, exportedAt: now.toISOString(), events, firstPosition, lastPosition,
    files: [...files].sort(([a], [b]) => a.localeCompare(b)).map(([month, f]) => ({ name: fileOfMonth(month), events: f.events, sha256: f.hash.digest('hex') })),
    streams: [...streams.values()].sort((a, b) => a.streamId.localeCompare(b.streamId)),
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return manifest;
}

function write(files: Map<string, OpenFile>, dir: string, month: string, event: StoredEvent): void {
  let file = files.get(month);
  if (!file) files.set(month, (file = { fd: openSync(join(dir, fileOfMonth(month)), 'wx', 0o600), hash: createHash('sha256'), events: 0 }));
  const line = `${JSON.stringify(event)}\n`;
  writeSync(file.fd, line);
  file.hash.update(line);
  file.events += 1;
}

function track(streams: Map<string, ExportStream>, lastBefore: ReadonlyMap<string, string>, event: StoredEvent): void {
  const stream = streams.get(event.streamId);
  if (stream) {
    stream.events += 1;
    stream.lastRevision = event.revision;
    stream.headHash = event.hash;
    return;
  }
  streams.set(event.streamId, {
    streamId: event.streamId, events: 1, firstRevision: event.revision, lastRevision: event.revision,
    previousHash: lastBefore.get(event.streamId) ?? GENESIS_HASH, headHash: event.hash,
  });
}
