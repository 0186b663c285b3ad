import type { FileMediaType } from './file-reference';

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** '%PDF-' (ISO 32000), the JPEG SOI and first marker FF D8 FF, the PNG signature 89 'PNG' CR LF SUB LF. */
const SIGNATURES: ReadonlyArray<[FileMediaType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The longest signature: how many leading bytes `fileContentType` needs. */
export const CONTENT_TYPE_PREFIX_BYTES = 8;

/**
 * The media type the bytes themselves say (their magic number), or null when they are none of
 * the accepted kinds. The client's Content-Type and the file's extension are not believed: a
 * `.pdf` name does not make an executable a PDF.
 */
export function fileContentType(bytes: Uint8Array): FileMediaType | null {
  return SIGNATURES.find(([, signature]) => startsWith(bytes, signature))?.[0] ?? null;
}
