import { z } from 'zod';
import { freeText } from './free-text';

/** The kinds of scan the policy's documents come as (ADR 0018): checked by content on upload, never by the client's word. */
export const FileMediaType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type FileMediaType = z.infer<typeof FileMediaType>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha-256: 64 lower-case hex digits');
export type Sha256 = z.infer<typeof Sha256>;

/** The name the file had on the uploader's computer (shown and offered on download): a name, not a path. */
export const FileName = freeText(200).refine((name) => !/[/\\]/.test(name), 'a file name, without / or \\');
export type FileName = z.infer<typeof FileName>;

/** No upload limit the service can be configured with goes beyond this. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * A file an event refers to, by content: the sha-256 fixes the bytes, so verifying the events
 * also verifies the files they name (a changed file no longer hashes to the sha-256 on record).
 * Optional wherever it was added, so streams written before files existed still parse.
 */
export const FileReference = z.object({
  sha256: Sha256,
  name: FileName,
  mediaType: FileMediaType,
  size: z.number().int().positive().max(MAX_FILE_BYTES),
});
export type FileReference = z.infer<typeof FileReference>;

/** Scans and photos kept with a record (meeting minutes, a visit report): a few files, each checked like any other. */
export const Attachments = z.array(FileReference).max(10);
export type Attachments = z.infer<typeof Attachments>;
