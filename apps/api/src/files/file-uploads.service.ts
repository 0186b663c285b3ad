import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@crm/blob-store';
import { uuidV5 } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { type Actor, fileContentType, FileName, type FileReference } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { fileStreamId, type FileUploaded } from './file-upload.events';
import { UploadRefused, type UploadedPart } from './multipart-file';

const ACCEPTED = 'PDF, JPEG or PNG';

/**
 * Stores an uploaded file and records who uploaded it: the bytes in the blob store (keyed by
 * their sha-256), a `FileUploaded` event in the file's stream. The media type is what the bytes
 * are, never what the client says. The event's id is derived from (file, uploader, name), so the
 * same upload repeated records nothing new.
 */
@Injectable()
export class FileUploads {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async upload(part: UploadedPart, actor: Actor): Promise<FileReference & { position: number }> {
    const mediaType = fileContentType(part.bytes);
    if (part.bytes.length === 0) throw new UploadRefused({ statusCode: 422, error: 'Unprocessable Entity', rule: 'FILE-EMPTY', field: 'file', message: 'the file is empty' });
    if (!mediaType) {
      throw new UploadRefused({ statusCode: 415, error: 'Unsupported Media Type', rule: 'FILE-TYPE', field: 'file', message: `the file's content is not a ${ACCEPTED} (checked by its bytes, not its name)` });
    }
    const name = FileName.safeParse(part.name);
    if (!name.success) throw new UploadRefused({ statusCode: 422, error: 'Unprocessable Entity', rule: 'SCHEMA', field: 'file.name', message: `file name: ${name.error.issues[0]?.message}` });
    const { sha256, size } = await this.blobs.put(part.bytes);
    const now = this.clock.now().toISOString();
    const data: FileUploaded = { sha256, name: name.data, mediaType, size, uploadedBy: actor.id, uploadedAt: now };
    const event = {
      id: uuidV5(`file-upload:${sha256}:${actor.id}:${name.data}`),
      type: 'FileUploaded',
      data,
      metadata: { actor: actor.id, correlationId: randomUUID(), causationId: null, occurredAt: now, schemaVersion: 1 },
    };
    const { position } = await this.store.appendToStream(fileStreamId(sha256), [event], { expectedRevision: 'any' });
    return { sha256, name: name.data, mediaType, size, position };
  }
}
