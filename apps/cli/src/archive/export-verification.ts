import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type ChainAnchor, ChainVerifier } from '@crm/audit';
import type { StoredEvent } from '@crm/event-store';
import { type ExportFile, MANIFEST, type YearExportManifest, YearExportManifest as ManifestSchema } from './export-manifest';

export interface ExportVerification {
  manifest: YearExportManifest;
  manifestSha256: string;
  checked: number;
  /** each problem in words, the file and line first where there is one */
  problems: string[];
}

/**
 * Checks an export with nothing but its files: every line's hash recomputed along its stream's
 * chain from the manifest's anchor, each stream ending at the manifest's head with its count,
 * each file's sha-256 and count. A changed line breaks its chain there; a forger who rewrites
 * the rest of the chain changes the heads, and rewriting the manifest too changes its sha-256,
 * which the operator noted when the year was exported.
 */
export async function verifyExport(dir: string): Promise<ExportVerification> {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw new Error(`${dir} holds no ${MANIFEST}: not a year export`);
  const raw = readFileSync(manifestPath);
  const manifest = ManifestSchema.parse(JSON.parse(raw.toString('utf8')));
  const anchors = new Map<string, ChainAnchor>(manifest.streams.map((s) => [s.streamId, { revision: s.firstRevision, previousHash: s.previousHash }]));
  const verifier = new ChainVerifier(anchors);
  const lineOf = new Map<number, string>();
  const problems: string[] = [];
  for (const file of manifest.files) problems.push(...(await checkFile(dir, file, verifier, lineOf)));
  const chains = verifier.result();
  if (chains.firstBreak) {
    const b = chains.firstBreak;
    problems.unshift(`${lineOf.get(b.position) ?? `position ${b.position}`}: ${b.reason} in ${b.streamId} revision ${b.revision} (expected hash ${b.expectedHash}, line says ${b.actualHash})`);
  }
  problems.push(...headProblems(manifest, chains.streams));
  if (chains.checked !== manifest.events && !chains.firstBreak) problems.push(`${chains.checked} events in the files, the manifest says ${manifest.events}`);
  return { manifest, manifestSha256: createHash('sha256').update(raw).digest('hex'), checked: chains.checked, problems };
}

async function checkFile(dir: string, file: ExportFile, verifier: ChainVerifier, lineOf: Map<number, string>): Promise<string[]> {
  const path = join(dir, file.name);
  if (!existsSync(path)) return [`${file.name}: missing`];
  const problems: string[] = [];
  const hash = createHash('sha256');
  const input = createReadStream(path);
  input.on('data', (chunk) => hash.update(chunk));
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    const event = parseEvent(text);
    if (!event) {
      problems.push(`${file.name} line ${line}: not a stored event`);
      continue;
    }
    lineOf.set(event.position, `${file.name} line ${line}`);
    verifier.push(event);
  }
  if (line !== file.events) problems.push(`${file.name}: ${line} lines, the manifest says ${file.events}`);
  const sha256 = hash.digest('hex');
  if (sha256 !== file.sha256) problems.push(`${file.name}: sha-256 ${sha256}, the manifest says ${file.sha256}`);
  return problems;
}

function parseEvent(text: string): StoredEvent | null {
  try {
    const event = JSON.parse(text) as StoredEvent;
    return typeof event.streamId === 'string' && Number.isInteger(event.revision) && Number.isInteger(event.position) && typeof event.hash === 'string' ? event : null;
  } catch {
    return null;
  }
}

/** Streams cut short, added or dropped: invisible to the chain alone, visible against the manifest. */
function headProblems(manifest: YearExportManifest, found: ReturnType<ChainVerifier['result']>['streams']): string[] {
  const problems: string[] = [];
  const byId = new Map(found.map((s) => [s.streamId, s]));
  for (const expected of manifest.streams) {
    const actual = byId.get(expected.streamId);
    if (!actual) problems.push(`${expected.streamId}: in the manifest, no events in the files`);
    else if (actual.ok && (actual.events !== expected.events || actual.headHash !== expected.headHash)) {
      problems.push(`${expected.streamId}: ends after ${actual.events} events at ${actual.headHash}, the manifest says ${expected.events} at ${expected.headHash}`);
    }
  }
  const listed = new Set(manifest.streams.map((s) => s.streamId));
  for (const s of found) if (!listed.has(s.streamId)) problems.push(`${s.streamId}: in the files, not in the manifest`);
  return problems;
}
