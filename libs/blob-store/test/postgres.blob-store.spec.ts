import { createThrowawayDatabase, describeWithPostgres, rawStatement, type ThrowawayDatabase } from '@crm/testing';
import { blobStoreContract, PostgresBlobStore } from '../src';

describeWithPostgres('PostgreSQL blob store (throw-away database)', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
  });
  afterAll(() => database?.drop());

  blobStoreContract('postgres (bytea)', async () => {
    const store = await PostgresBlobStore.connect(database.url);
    return {
      store,
      tamper: async (sha256, bytes) => void (await rawStatement({ kind: 'postgres', url: database.url }, 'UPDATE blobs SET content = ? WHERE sha256 = ?', [bytes, sha256])),
      teardown: () => store.close(),
    };
  });
});
