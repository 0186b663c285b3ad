import { BlobIntegrityError, type BlobStore } from '@crm/blob-store';
import type { CommandGuard } from '@crm/engine';
import { DomainRuleViolation, fileContentType } from '@crm/workflow-kit';

export const FILE_UNKNOWN = 'FILE-UNKNOWN';
export const FILE_MISMATCH = 'FILE-MISMATCH';
export const FILE_ALTERED = 'FILE-ALTERED';

/**
 * Every file a command names (its workflow's `filesOf`) is in the blob store, intact, with the
 * size and media type the reference claims, when the command is decided: no path (HTTP, the
 * archive opening after an approval, an import) can record a reference to bytes that are not
 * there, or describe a PNG as a PDF. Reading the bytes re-hashes them, so a file altered before
 * it is referenced is refused too. System actors are not exempt: a reactor's command names files too.
 */
export function filesGuard(blobs: () => BlobStore): CommandGuard {
  return async (workflow, command, state) => {
    for (const ref of workflow.filesOf?.(command, state) ?? []) {
      const { sha256, size, mediaType } = ref.file;
      const blob = await blobs().get(sha256).catch((error: unknown) => {
        if (error instanceof BlobIntegrityError) throw new DomainRuleViolation(FILE_ALTERED, `file ${sha256} was altered in storage; upload it again`, ref.field);
        throw error;
      });
      if (!blob) throw new DomainRuleViolation(FILE_UNKNOWN, `no file with sha-256 ${sha256} was uploaded (POST /files first)`, `${ref.field}.sha256`);
      if (blob.size !== size) throw new DomainRuleViolation(FILE_MISMATCH, `file ${sha256} has ${blob.size} bytes, not ${size}`, `${ref.field}.size`);
      const actual = fileContentType(blob.bytes);
      if (actual !== mediaType) throw new DomainRuleViolation(FILE_MISMATCH, `file ${sha256} is ${actual ?? 'of no accepted type'}, not ${mediaType}`, `${ref.field}.mediaType`);
    }
  };
}
