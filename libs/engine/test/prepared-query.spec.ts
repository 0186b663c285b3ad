import { describeWithPostgres } from '@crm/testing';
import { type ReadModelDb, preparedQuery } from '../src';
import { type EngineUnderTest, postgresEngine, sqliteEngine } from './support/engines';

interface Pickup extends Record<string, unknown> {
  customer: string;
  tonnes: number;
  grade: string | null;
}

function preparedSuite(open: () => Promise<EngineUnderTest>) {
  let e: EngineUnderTest;
  let readModels: ReadModelDb;
  beforeEach(async () => {
    e = await open();
    readModels = await e.readModels();
    for (const table of ['prepared_totals', 'builder_totals']) {
      await readModels.db.schema
        .createTable(table)
        .addColumn('customer', 'text', (c) => c.primaryKey())
        .addColumn('pickups', 'integer', (c) => c.notNull())
        .addColumn('tonnes', 'real', (c) => c.notNull())
        .addColumn('grade', 'text')
        .execute();
    }
  });
  afterEach(() => e.dispose());

  const upsert = (table: string) => (p: Pickup) => (db: ReadModelDb['db']) =>
    db
      .insertInto(table)
      .values({ customer: p.customer, pickups: 1, tonnes: p.tonnes, grade: p.grade })
      .onConflict((oc) => oc.column('customer').doUpdateSet((eb) => ({ pickups: eb(`${table}.pickups`, '+', 1), tonnes: eb(`${table}.tonnes`, '+', p.tonnes), grade: p.grade })));

  it('runs a builder query compiled once with new values each time, to the same rows as building it every time', async () => {
    let builds = 0;
    const prepared = preparedQuery<Pickup>((db, p) => {
      builds++;
      return upsert('prepared_totals')(p)(db);
    });
    const pickups: Pickup[] = [
      { customer: 'C-1', tonnes: 12.5, grade: 'A' }, { customer: 'C-2', tonnes: 3, grade: null }, { customer: 'C-1', tonnes: 0.25, grade: 'B' },
      { customer: '客户-3', tonnes: 7, grade: "O'Neil" }, { customer: 'C-2', tonnes: 1, grade: 'C' },
    ];
    await readModels.transaction(async (trx) => {
      for (const p of pickups) {
        await prepared.execute(trx, p);
        await upsert('builder_totals')(p)(trx).execute();
      }
    });
    const rows = (table: string) => readModels.db.selectFrom(table).selectAll().orderBy('customer').execute();
    expect(await rows('prepared_totals')).toEqual(await rows('builder_totals'));
    expect((await rows('prepared_totals')).map((r) => [r.customer, Number(r.pickups), Number(r.tonnes), r.grade])).toEqual([
      ['C-1', 2, 12.75, 'B'], ['C-2', 2, 4, 'C'], ['客户-3', 1, 7, "O'Neil"],
    ]);
    expect(builds).toBe(1);
  });

  it('returns rows and affected counts like the builder', async () => {
    await readModels.db.insertInto('prepared_totals').values({ customer: 'C-9', pickups: 4, tonnes: 2, grade: 'A' }).execute();
    const find = preparedQuery<{ customer: string }>((db, p) => db.selectFrom('prepared_totals').select(['pickups', 'grade']).where('customer', '=', p.customer));
    const regrade = preparedQuery<{ customer: string; grade: string }>((db, p) => db.updateTable('prepared_totals').set({ grade: p.grade }).where('customer', '=', p.customer));
    expect((await find.execute(readModels.db, { customer: 'C-9' })).rows.map((r: any) => [Number(r.pickups), r.grade])).toEqual([[4, 'A']]);
    expect((await find.execute(readModels.db, { customer: 'nobody' })).rows).toEqual([]);
    expect(Number((await regrade.execute(readModels.db, { customer: 'C-9', grade: 'D' })).numAffectedRows)).toBe(1);
    expect(Number((await regrade.execute(readModels.db, { customer: 'nobody', grade: 'D' })).numAffectedRows)).toBe(0);
  });

  it('runs inside the transaction it is given: a rollback takes its writes back', async () => {
    const insert = preparedQuery<Pickup>((db, p) => db.insertInto('prepared_totals').values({ customer: p.customer, pickups: 1, tonnes: p.tonnes, grade: p.grade }));
    await insert.execute(readModels.db, { customer: 'kept', tonnes: 1, grade: null });
    await expect(
      readModels.transaction(async (trx) => {
        await insert.execute(trx, { customer: 'rolled-back', tonnes: 2, grade: null });
        expect((await trx.selectFrom('prepared_totals').select('customer').execute()).map((r) => r.customer)).toContain('rolled-back');
        throw new Error('abort the batch');
      }),
    ).rejects.toThrow('abort the batch');
    expect((await readModels.db.selectFrom('prepared_totals').select('customer').execute()).map((r) => r.customer)).toEqual(['kept']);
  });

  it('refuses a stand-in that did not become a bound parameter, and a missing value', async () => {
    const byCustomer = preparedQuery<{ customer: string }>((db, p) => db.selectFrom('prepared_totals').selectAll().where('customer', '=', p.customer));
    const asColumn = preparedQuery<{ column: string }>((db, p) => db.selectFrom('prepared_totals').select(`${String(p.column)}` as any));
    await expect(asColumn.execute(readModels.db, { column: 'grade' })).rejects.toThrow(/column did not become bound parameters/);
    await expect(byCustomer.execute(readModels.db, { customer: undefined as unknown as string })).rejects.toThrow(/parameter "customer" is undefined/);
  });
}

describe('preparedQuery on SQLite', () => preparedSuite(sqliteEngine));
describeWithPostgres('preparedQuery on PostgreSQL', () => preparedSuite(postgresEngine));
