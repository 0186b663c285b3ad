import { findCustomerStreams, loadCustomerEvents, verifyChain } from '../src';
import { postgresStore, sqliteStore, type TamperableStore } from './support/engines';
import { buildCustomer, CUSTOMER_ID } from './support/customer-scenario';
import { describeWithPostgres } from '@crm/testing';
import { must } from './support/must';

const archive = `customer-${CUSTOMER_ID}`;

function tamperSuite(open: () => Promise<TamperableStore>, json: { set: string; actor: string }) {
  let env: TamperableStore;
  beforeEach(async () => {
    env = await open();
    await buildCustomer(env.store);
    await env.runner.catchUp('customer-streams');
  });
  afterEach(() => env.close());

  const verifyCustomer = async () => {
    const streams = await findCustomerStreams(env.readModels.db, CUSTOMER_ID);
    return verifyChain(await loadCustomerEvents(env.store, streams.map((s) => s.streamId)));
  };

  it('an untouched customer verifies', async () => {
    const result = await verifyCustomer();
    expect(result.ok).toBe(true);
    expect(result.checked).toBe((await env.store.readAll()).length);
  });

  it('a pickup tonnage changed by a raw UPDATE fails verification at exactly that event', async () => {
    const target = must((await env.store.readStream(archive)).find((e) => e.type === 'PickupRecorded'));
    expect(await env.rawUpdate(`UPDATE es_events SET data = ${json.set} WHERE stream_id = ? AND revision = ?`, [archive, target.revision])).toBe(1);
    expect((await env.store.readStream(archive, { from: target.revision, maxCount: 1 }))[0].data.tonnes).toBe(12);
    const result = await verifyCustomer();
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamId: archive, revision: target.revision, position: target.position, reason: 'hash_mismatch', actualHash: target.hash });
  });

  it('an approver rewritten in the metadata fails verification at that event', async () => {
    const target = must((await env.store.readStream('complaint-cmp-1')).find((e) => e.type === 'ResolutionApproved'));
    await env.rawUpdate(`UPDATE es_events SET metadata = ${json.actor} WHERE position = ?`, [target.position]);
    expect((await verifyCustomer()).firstBreak).toMatchObject({ streamId: 'complaint-cmp-1', revision: target.revision, position: target.position });
  });

  it('a deleted row shows as a revision gap at the event after it', async () => {
    const events = await env.store.readStream('complaint-cmp-1');
    await env.rawUpdate('DELETE FROM es_events WHERE position = ?', [events[2].position]);
    expect((await verifyCustomer()).firstBreak).toMatchObject({ streamId: 'complaint-cmp-1', revision: events[3].revision, reason: 'revision_gap' });
  });
}

describe('tamper detection on a SQLite file', () => {
  tamperSuite(sqliteStore, { set: "json_set(data, '$.tonnes', 12)", actor: "json_set(metadata, '$.actor', 'someone-else')" });
});

describeWithPostgres('tamper detection on PostgreSQL', () => {
  tamperSuite(postgresStore, { set: `jsonb_set(data, '{tonnes}', '12')`, actor: `jsonb_set(metadata, '{actor}', '"someone-else"')` });
});
