import type { BlobStore } from '@crm/blob-store';
import type { StoredEvent } from '@crm/event-store';
import { findFileReferences } from '@crm/workflow-kit';

/** An event that names a file, as the audit reports it. */
export interface FileReferringEvent {
  streamId: string;
  revision: number;
  position: number;
  type: string;
  /** where in the event's data the reference is (`documents.0.file`) */
  path: string;
}

export interface FileBreak {
  sha256: string;
  /** the names the events give the file (usually one) */
  names: string[];
  /** `modified`: the stored bytes hash to something else now; `missing`: no bytes under that key */
  status: 'modified' | 'missing';
  actualSha256?: string;
  events: FileReferringEvent[];
}

export interface FileVerification {
  ok: boolean;
  /** distinct files re-hashed */
  checked: number;
  broken: FileBreak[];
}

/**
 * The files the events name, re-hashed from the blob store (ADR 0018): every event that references
 * a file carries its sha-256, so a file whose stored bytes changed no longer hashes to it and is
 * named here with every event that refers to it. Push events in any order; memory is one entry
 * per distinct file and one per reference.
 */
export class FileVerifier {
  private readonly files = new Map<string, { names: Set<string>; events: FileReferringEvent[] }>();

  push(event: Pick<StoredEvent, 'streamId' | 'revision' | 'position' | 'type' | 'data'>): void {
    for (const { path, file } of findFileReferences(event.data)) {
      let entry = this.files.get(file.sha256);
      if (!entry) this.files.set(file.sha256, (entry = { names: new Set(), events: [] }));
      entry.names.add(file.name);
      entry.events.push({ streamId: event.streamId, revision: event.revision, position: event.position, type: event.type, path });
    }
  }

  async verify(blobs: BlobStore): Promise<FileVerification> {
    const broken: FileBreak[] = [];
    for (const [sha256, entry] of this.files) {
      const check = await blobs.check(sha256);
      if (check.status === 'intact') continue;
      broken.push({
        sha256, names: [...entry.names], status: check.status, events: entry.events,
        ...(check.status === 'modified' ? { actualSha256: check.actualSha256 } : {}),
      });
    }
    return { ok: broken.length === 0, checked: this.files.size, broken };
  }
}

/** The files a set of events (a customer's record) names, verified. */
export function verifyFiles(events: readonly StoredEvent[], blobs: BlobStore): Promise<FileVerification> {
  const verifier = new FileVerifier();
  events.forEach((event) => verifier.push(event));
  return verifier.verify(blobs);
}
