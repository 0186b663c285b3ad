import { SqliteEventStore } from '@crm/event-store-sqlite';
import { rawStatement, tempDir } from '@crm/testing';
import { blobStoreContract, SqliteBlobStore } from '../src';

describe('SQLite blob store', () => {
  const dirs: Array<{ remove(): void }> = [];
  afterAll(() => dirs.forEach((d) => d.remove()));

  // the service's arrangement: the blobs table in the event store's own file, on its handle
  blobStoreContract('sqlite (the event store file)', async () => {
    const dir = tempDir('crm-blobs-');
    dirs.push(dir);
    const path = dir.file('crm.db');
    const events = SqliteEventStore.open(path);
    const store = new SqliteBlobStore(events.database);
    return {
      store,
      tamper: async (sha256, bytes) => void (await rawStatement({ kind: 'sqlite', path }, 'UPDATE blobs SET content = ? WHERE sha256 = ?', [bytes, sha256])),
      teardown: async () => {
        await store.close();
        await events.close();
      },
    };
  });
});
