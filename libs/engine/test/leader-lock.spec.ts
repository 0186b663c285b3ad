import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase, watchPgClientOverlap } from '@crm/testing';
import { ReadModelDb } from '../src';

describeWithPostgres('PgAdvisoryLocks: every projection’s lock on one dedicated connection', () => {
  let database: ThrowawayDatabase;
  const opened: ReadModelDb[] = [];
  const open = async () => {
    const readModels = await ReadModelDb.open({ kind: 'postgres', url: database.url });
    opened.push(readModels);
    return readModels;
  };
  beforeAll(async () => {
    database = await createThrowawayDatabase();
  });
  afterAll(async () => {
    try {
      for (const readModels of opened) await readModels.close();
    } finally {
      await database?.drop();
    }
  });

  it('a dozen locks acquired, renewed and released at once never hand that connection two queries', async () => {
    const watch = watchPgClientOverlap();
    try {
      const here = await open();
      const there = await open(); // another process
      const names = Array.from({ length: 12 }, (_, i) => `projection_${i}`);
      const mine = names.map((name) => here.leaderLock(name));
      expect(await Promise.all(mine.map((lock) => lock.tryAcquire()))).toEqual(names.map(() => true));
      expect(await Promise.all(mine.map((lock) => lock.renew()))).toEqual(names.map(() => true));
      const theirs = names.map((name) => there.leaderLock(name));
      expect(await Promise.all(theirs.map((lock) => lock.tryAcquire()))).toEqual(names.map(() => false));
      await Promise.all(mine.slice(0, 6).map((lock) => lock.release()));
      expect(await Promise.all(theirs.map((lock) => lock.tryAcquire()))).toEqual(names.map((_, i) => i < 6));
      watch.assertNone();
    } finally {
      watch.stop();
    }
  });
});
