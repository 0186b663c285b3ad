import { FileMediaType, FileName, Sha256 } from '@crm/workflow-kit';
import { z } from 'zod';

/** One stream per file content: who uploaded those bytes under which name, and when. */
export const FILE_STREAM_PREFIX = 'file';
export const fileStreamId = (sha256: string): string => `${FILE_STREAM_PREFIX}-${sha256}`;

/** The uploader may read what they uploaded (R-KAM-2 reads, ADR 0018); the name is offered on their download. */
export const FileUploaded = z.object({
  sha256: Sha256,
  name: FileName,
  mediaType: FileMediaType,
  size: z.number().int().positive(),
  uploadedBy: z.string().min(1),
  uploadedAt: z.iso.datetime({ offset: true }),
});
export type FileUploaded = z.infer<typeof FileUploaded>;
