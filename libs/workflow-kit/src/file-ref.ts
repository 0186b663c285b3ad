import type { FileReference } from './file-reference';

/**
 * A file a command names (a qualification scan, a contract text). The workflow declares which,
 * pure (`filesOf`); the engine's command guard checks, before anything is decided, that the blob
 * store holds those bytes with that size, so no path can record a reference to a missing file.
 */
export interface FileRef {
  file: FileReference;
  /** the command field that names it (`data.documents.0.file`): an unknown file is refused (422) there */
  field: string;
}

/** The attachments a command names, for its workflow's `filesOf`: each refused at its own field (`attachments.2`). */
export const attachmentRefs = (attachments: readonly FileReference[] | undefined, field = 'attachments'): FileRef[] =>
  (attachments ?? []).map((file, i) => ({ file, field: `${field}.${i}` }));
