import { randomBytes } from 'node:crypto';
import { sha256Of } from '../blob-hash';
import { BlobIntegrityError, BlobKeyError } from '../blob-store.errors';
import type { BlobStore } from '../blob-store.port';

export interface BlobContractSubject {
  store: BlobStore;
  /** overwrites the stored bytes of `sha256` straight in the database, as someone with database access would */
  tamper(sha256: string, bytes: Buffer): Promise<void>;
  teardown(): Promise<void>;
}

/** Fresh random content per test, so subjects may share one database. */
const someBytes = (size = 4096): Buffer => randomBytes(size);

/**
 * The one suite every blob-store adapter passes unchanged (ADR 0018), run from the adapter's spec
 * on its real engine. The factory is called before each test and torn down after it.
 */
export function blobStoreContract(name: string, factory: () => Promise<BlobContractSubject>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let subject: BlobContractSubject;
    beforeEach(async () => {
      subject = await factory();
    });
    afterEach(() => subject.teardown());

    it('keys the bytes by their sha-256 and gives back exactly the bytes it was given', async () => {
      const bytes = someBytes(300_000);
      const put = await subject.store.put(bytes);
      expect(put).toEqual({ sha256: sha256Of(bytes), size: 300_000, created: true });
      const got = await subject.store.get(put.sha256);
      expect(got?.size).toBe(300_000);
      expect(got?.bytes.equals(bytes)).toBe(true);
      expect(await subject.store.has(put.sha256)).toBe(true);
      expect(await subject.store.stat(put.sha256)).toMatchObject({ sha256: put.sha256, size: 300_000 });
    });

    it('keeps every byte value, NUL and 0xFF included', async () => {
      const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
      const { sha256 } = await subject.store.put(bytes);
      expect([...((await subject.store.get(sha256))?.bytes ?? [])]).toEqual([...bytes]);
    });

    it('is idempotent: the same bytes again are the same blob, not a second one', async () => {
      const bytes = someBytes();
      const first = await subject.store.put(bytes);
      const again = await subject.store.put(Buffer.from(bytes));
      expect(again).toEqual({ ...first, created: false });
      expect((await subject.store.get(first.sha256))?.bytes.equals(bytes)).toBe(true);
    });

    it('stores the same bytes put at once by two writers once', async () => {
      const bytes = someBytes();
      const results = await Promise.all([subject.store.put(bytes), subject.store.put(bytes)]);
      expect(results.map((r) => r.sha256)).toEqual([sha256Of(bytes), sha256Of(bytes)]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it('answers absent for a key it does not hold', async () => {
      const unknown = sha256Of(someBytes());
      expect(await subject.store.get(unknown)).toBeNull();
      expect(await subject.store.has(unknown)).toBe(false);
      expect(await subject.store.stat(unknown)).toBeNull();
      expect(await subject.store.check(unknown)).toEqual({ sha256: unknown, status: 'missing' });
    });

    it('refuses a key that is not a lower-case hex sha-256 before it reaches the database', async () => {
      for (const key of ['', 'abc', "' OR 1=1 --", 'A'.repeat(64), `${'0'.repeat(63)}g`]) {
        await expect(subject.store.get(key)).rejects.toBeInstanceOf(BlobKeyError);
        await expect(subject.store.has(key)).rejects.toBeInstanceOf(BlobKeyError);
      }
    });

    it('re-hashes on every read: bytes altered in the database are reported, never handed out', async () => {
      const bytes = someBytes();
      const { sha256 } = await subject.store.put(bytes);
      const altered = Buffer.from(bytes);
      altered[100] ^= 0xff;
      await subject.tamper(sha256, altered);
      const error = await subject.store.get(sha256).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(BlobIntegrityError);
      expect(error).toMatchObject({ sha256, actualSha256: sha256Of(altered) });
      expect(await subject.store.check(sha256)).toEqual({ sha256, status: 'modified', size: bytes.length, actualSha256: sha256Of(altered) });
    });

    it('does not let a second put of the original bytes paper over altered ones', async () => {
      const bytes = someBytes();
      const { sha256 } = await subject.store.put(bytes);
      await subject.tamper(sha256, someBytes(10));
      await expect(subject.store.put(bytes)).rejects.toBeInstanceOf(BlobIntegrityError);
      expect((await subject.store.check(sha256)).status).toBe('modified');
    });

    it('reports an intact blob as intact', async () => {
      const bytes = someBytes();
      const { sha256 } = await subject.store.put(bytes);
      expect(await subject.store.check(sha256)).toEqual({ sha256, status: 'intact', size: bytes.length });
    });
  });
}
