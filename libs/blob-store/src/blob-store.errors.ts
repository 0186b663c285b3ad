/** The stored bytes no longer hash to their key: they were changed outside the service. */
export class BlobIntegrityError extends Error {
  override readonly name = 'BlobIntegrityError';
  constructor(
    readonly sha256: string,
    readonly actualSha256: string,
  ) {
    super(`blob ${sha256}: the stored bytes now hash to ${actualSha256}; the file was altered`);
  }
}

/** A key that is not a sha-256 in lower-case hex: a programming error or a hostile path parameter. */
export class BlobKeyError extends Error {
  override readonly name = 'BlobKeyError';
  constructor(readonly key: string) {
    super(`not a sha-256 (64 lower-case hex digits): ${JSON.stringify(key.slice(0, 80))}`);
  }
}
