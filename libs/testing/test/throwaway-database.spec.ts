import { Client } from 'pg';
import { createThrowawayDatabase, describeWithPostgres, postgresServerUrl, withThrowawayDatabase } from '../src';

async function databasesNamed(names: string[]): Promise<string[]> {
  const client = new Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1) ORDER BY datname', [names]);
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describeWithPostgres('throw-away PostgreSQL databases', () => {
  it('each is a database of its own under a name of its own, reached by its url, gone after drop', async () => {
    const [a, b] = await Promise.all([createThrowawayDatabase(), createThrowawayDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      expect(await databasesNamed([a.name, b.name])).toEqual([a.name, b.name].sort());
      const client = new Client({ connectionString: a.url });
      client.on('error', () => undefined); // the forced drop ends its session
      await client.connect();
      const { rows } = await client.query('SELECT current_database() AS name');
      expect(rows[0].name).toBe(a.name);
      // a connection still open does not keep it alive
      await a.drop();
      await client.end().catch(() => undefined);
      await a.drop();
      expect(await databasesNamed([a.name, b.name])).toEqual([b.name]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
    expect(await databasesNamed([a.name, b.name])).toEqual([]);
  });

  it('withThrowawayDatabase drops it when the work throws', async () => {
    let name = '';
    await expect(
      withThrowawayDatabase(async (database) => {
        name = database.name;
        expect(await databasesNamed([name])).toEqual([name]);
        throw new Error('the test failed');
      }),
    ).rejects.toThrow('the test failed');
    expect(name).toMatch(/^crm_test_[0-9a-f]{12}$/);
    expect(await databasesNamed([name])).toEqual([]);
  });

  it('an unreachable server fails loudly instead of skipping', async () => {
    await expect(createThrowawayDatabase({ serverUrl: 'postgres://postgres@127.0.0.1:1/postgres' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
