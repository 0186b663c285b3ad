import { chainHash, InMemoryEventStore, type StoredEvent } from '@crm/event-store';
import { ChainVerifier, verifyChain } from '../src';
import { buildCustomer, CUSTOMER_ID } from './support/customer-scenario';
import { must } from './support/must';

async function storedHistory(): Promise<StoredEvent[]> {
  const store = new InMemoryEventStore();
  await buildCustomer(store);
  return store.readAll();
}

const archive = `customer-${CUSTOMER_ID}`;

describe('verifyChain: recomputing every stream hash chain', () => {
  it('given an untouched store, when verified, then every event is checked and no break is reported', async () => {
    const events = await storedHistory();
    const result = verifyChain(events);
    expect(result).toMatchObject({ ok: true, checked: events.length });
    expect(result.firstBreak).toBeUndefined();
    expect(result.streams.map((s) => s.streamId).sort()).toEqual(['complaint-cmp-1', 'complaint-cmp-2', archive]);
    expect(result.streams.find((s) => s.streamId === archive)?.headHash).toBe(events.filter((e) => e.streamId === archive).at(-1)?.hash);
  });

  it('given one event whose data was altered, then the break is reported at exactly that event', async () => {
    const events = await storedHistory();
    const target = must(events.find((e) => e.type === 'PickupRecorded'));
    target.data = { ...target.data, tonnes: 12 };
    const result = verifyChain(events);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamId: archive, revision: target.revision, position: target.position, reason: 'hash_mismatch', actualHash: target.hash });
    expect(result.firstBreak?.expectedHash).not.toBe(target.hash);
  });

  it('given altered metadata (who did it), then the break is at that event', async () => {
    const events = await storedHistory();
    const target = must(events.find((e) => e.type === 'ResolutionApproved'));
    target.metadata = { ...target.metadata, actor: 'someone-else' };
    expect(verifyChain(events).firstBreak).toMatchObject({ streamId: 'complaint-cmp-1', revision: target.revision, reason: 'hash_mismatch' });
  });

  it('given a forger who also rewrote the altered event hash, then the chain breaks at the next event of the stream', async () => {
    const events = await storedHistory();
    const stream = events.filter((e) => e.streamId === archive);
    const [previous, target, next] = stream.slice(3, 6);
    target.data = { ...target.data, tonnes: 12 };
    target.hash = chainHash(previous.hash, archive, target.revision, target);
    expect(verifyChain(events).firstBreak).toMatchObject({ streamId: archive, revision: next.revision, position: next.position, reason: 'hash_mismatch' });
  });

  it('given a deleted event in the middle of a stream, then a revision gap is reported at the event after it', async () => {
    const events = await storedHistory();
    const removed = events.findIndex((e) => e.type === 'ResolutionDrafted');
    const after = must(events.slice(removed + 1).find((e) => e.streamId === events[removed].streamId));
    events.splice(removed, 1);
    expect(verifyChain(events).firstBreak).toMatchObject({ streamId: 'complaint-cmp-1', revision: after.revision, reason: 'revision_gap' });
  });

  it('given a replayed (duplicated) event, then a revision out of order is reported', async () => {
    const events = await storedHistory();
    const dup = must(events.find((e) => e.type === 'ComplaintClassified' && e.streamId === 'complaint-cmp-2'));
    events.push({ ...dup, position: events.length + 1 });
    expect(verifyChain(events).firstBreak).toMatchObject({ streamId: 'complaint-cmp-2', revision: dup.revision, reason: 'revision_out_of_order' });
  });

  it('given revisions whose global positions go backwards, then the reordering is reported', async () => {
    const events = (await storedHistory()).filter((e) => e.streamId === 'complaint-cmp-1');
    const [a, b] = [events[2], events[3]];
    [a.position, b.position] = [b.position, a.position];
    expect(verifyChain(events).firstBreak).toMatchObject({ revision: b.revision, reason: 'position_out_of_order' });
  });

  it('given breaks in two streams, then the first break is the one earliest in the global order', async () => {
    const events = await storedHistory();
    const late = must(events.filter((e) => e.streamId === 'complaint-cmp-2').at(-1));
    const early = events.filter((e) => e.streamId === archive)[1];
    late.data = { ...late.data, x: 1 };
    early.data = { ...early.data, x: 1 };
    expect(verifyChain(events).firstBreak).toMatchObject({ streamId: archive, position: early.position });
  });

  it('given a stream cut at an anchor (an archived year), then its chain is picked up from the anchor and a wrong anchor breaks at once', async () => {
    const stream = (await storedHistory()).filter((e) => e.streamId === archive);
    const [before, ...rest] = stream.slice(2);
    const anchored = (previousHash: string) => {
      const verifier = new ChainVerifier(new Map([[archive, { revision: before.revision + 1, previousHash }]]));
      for (const event of rest) verifier.push(event);
      return verifier.result();
    };
    expect(anchored(before.hash)).toMatchObject({ ok: true, checked: rest.length });
    expect(anchored(stream[0].hash).firstBreak).toMatchObject({ revision: rest[0].revision, reason: 'hash_mismatch' });
    expect(verifyChain(rest).firstBreak).toMatchObject({ revision: rest[0].revision, reason: 'revision_gap' });
  });
});
