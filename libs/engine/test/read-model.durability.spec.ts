import { describeWithPostgres } from '@crm/testing';
import { type Kysely, sql } from 'kysely';
import type { ReadModelDb } from '../src';
import { type EngineUnderTest, postgresEngine, sqliteEngine } from './support/engines';

/** what the commit of the transaction running this query will wait for, as the engine reports it */
async function commitSetting(trx: Kysely<any>, dialect: ReadModelDb['dialect']): Promise<string> {
  if (dialect === 'postgres') return String((await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(trx)).rows[0].s);
  const level = Number((await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows[0].synchronous);
  return ['off', 'normal', 'full', 'extra'][level];
}

function durabilitySuite(open: () => Promise<EngineUnderTest>, expected: { derived: string; durable: string }) {
  let e: EngineUnderTest;
  let readModels: ReadModelDb;
  beforeEach(async () => {
    e = await open();
    readModels = await e.readModels();
  });
  afterEach(() => e.dispose());

  it('commits derived data without waiting for the disk, and what is kept nowhere else durably', async () => {
    const seen: string[] = [];
    await readModels.transaction(async (trx) => void seen.push(await commitSetting(trx, readModels.dialect)));
    await readModels.transaction(async (trx) => void seen.push(await commitSetting(trx, readModels.dialect)), { commit: 'durable' });
    await expect(
      readModels.transaction(
        async (trx) => {
          seen.push(await commitSetting(trx, readModels.dialect));
          throw new Error('rolled back');
        },
        { commit: 'durable' },
      ),
    ).rejects.toThrow('rolled back');
    await readModels.transaction(async (trx) => void seen.push(await commitSetting(trx, readModels.dialect)));
    expect(seen).toEqual([expected.derived, expected.durable, expected.durable, expected.derived]);
  });
}

describe('read-model commit durability on SQLite', () => durabilitySuite(sqliteEngine, { derived: 'normal', durable: 'full' }));
describeWithPostgres('read-model commit durability on PostgreSQL', () => durabilitySuite(postgresEngine, { derived: 'off', durable: 'on' }));
