import { Client, Pool } from 'pg';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase, watchPgClientOverlap } from '../src';

describeWithPostgres('watchPgClientOverlap', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
  });
  afterAll(() => database?.drop());

  it('sees a dedicated client asked for a second query while the first still runs', async () => {
    const watch = watchPgClientOverlap();
    const client = new Client({ connectionString: database.url });
    try {
      await client.connect();
      await Promise.all([client.query('SELECT pg_sleep(0.05)'), client.query('SELECT 2 AS two')]);
      expect(watch.overlaps).toEqual([expect.objectContaining({ running: 'SELECT pg_sleep(0.05)', submitted: 'SELECT 2 AS two' })]);
      expect(() => watch.assertNone()).toThrow(/used concurrently 1 time/);
    } finally {
      watch.stop();
      await client.end();
    }
  });

  it('a pool, callbacks and one query after another are no overlap', async () => {
    const watch = watchPgClientOverlap();
    const pool = new Pool({ connectionString: database.url, max: 2 });
    const client = new Client({ connectionString: database.url });
    try {
      await Promise.all(Array.from({ length: 8 }, (_, i) => pool.query('SELECT $1::int AS n', [i])));
      await client.connect();
      await client.query('SELECT 1');
      await new Promise((resolve, reject) => client.query('SELECT 2', (error) => (error ? reject(error) : resolve(undefined))));
      await client.query('SELECT nonsense_column').catch(() => undefined); // a failed query ends too
      await client.query('SELECT 3');
      watch.assertNone();
    } finally {
      watch.stop();
      await client.end();
      await pool.end();
    }
  });
});
