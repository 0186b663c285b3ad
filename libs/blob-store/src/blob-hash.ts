import { createHash } from 'node:crypto';
import { BlobKeyError } from './blob-store.errors';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every adapter refuses a malformed key before it reaches SQL. */
export function assertBlobKey(sha256: string): void {
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) throw new BlobKeyError(String(sha256));
}
