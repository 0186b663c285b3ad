import { replayStored } from '@crm/engine';
import { InMemoryEventStore, type StoredEvent } from '@crm/event-store';
import { customerHistory, customerLinkOf, defaultWorkflowLookup } from '../src';
import { buildCustomer, CUSTOMER_ID, SUPERVISOR } from './support/customer-scenario';
import { must } from './support/must';

async function customerEvents(): Promise<StoredEvent[]> {
  const store = new InMemoryEventStore();
  await buildCustomer(store);
  // an unrelated customer's complaint interleaved in the store must not show up
  const all = await store.readAll();
  return all.filter((e) => customerLinkOf(e) === CUSTOMER_ID || e.streamId.startsWith('complaint-'));
}

describe('customerHistory: every event with the machine state before and after it', () => {
  it('lists every event of the customer streams once, in global order', async () => {
    const events = await customerEvents();
    const { entries, total } = customerHistory(events, defaultWorkflowLookup);
    expect(total).toBe(events.length);
    expect(entries.map((e) => e.position)).toEqual(events.map((e) => e.position));
    expect(entries.every((e, i) => i === 0 || e.position > entries[i - 1].position)).toBe(true);
    expect(new Set(entries.map((e) => e.streamId))).toEqual(new Set([`customer-${CUSTOMER_ID}`, 'complaint-cmp-1', 'complaint-cmp-2']));
  });

  it('the state after each event equals a full replay of its stream up to that event (incremental replay is exact)', async () => {
    const events = await customerEvents();
    const { entries } = customerHistory(events, defaultWorkflowLookup);
    for (const entry of entries) {
      const workflow = must(defaultWorkflowLookup(entry.streamId));
      const prefix = events.filter((e) => e.streamId === entry.streamId && e.revision <= entry.revision);
      expect(entry.stateAfter.state).toBe(replayStored(workflow, entry.streamId, prefix).state.state);
    }
  });

  it('the state before an event is the state after the previous event of the same stream', async () => {
    const { entries } = customerHistory(await customerEvents(), defaultWorkflowLookup);
    const last = new Map<string, string | null>();
    for (const entry of entries) {
      expect(entry.stateBefore.state).toBe(last.get(entry.streamId) ?? 'none');
      last.set(entry.streamId, entry.stateAfter.state);
    }
    const opened = must(entries.find((e) => e.type === 'CustomerArchiveOpened'));
    expect([opened.stateBefore.state, opened.stateAfter.state]).toEqual(['none', 'open.active']);
    const graded = must(entries.find((e) => e.type === 'CustomerGradeChanged'));
    expect(graded.changes).toContainEqual({ path: 'grade', before: 'ordinary', after: 'one_star' });
  });

  it('a pickup is reported as the one pickup it changed, not the whole pickup collection', async () => {
    const { entries } = customerHistory(await customerEvents(), defaultWorkflowLookup, { types: ['PickupRecorded'] });
    const second = must(entries.find((e) => e.data.pickupId === 'p-2'));
    const pickupChanges = second.changes.filter((c) => c.path.startsWith('pickups'));
    expect(pickupChanges).toEqual([
      { path: 'pickups.p-2', before: null, after: { date: '2026-02-10', product: 'HDPE 5000S', warehouse: '镇海库', kg: 2_500_000, voided: false } },
    ]);
    expect(second.changes.map((c) => c.path)).toContain('monthKg');
  });

  it('carries who and when for every entry', async () => {
    const { entries } = customerHistory(await customerEvents(), defaultWorkflowLookup);
    const approval = must(entries.find((e) => e.type === 'ResolutionApproved'));
    expect(approval).toMatchObject({ actor: SUPERVISOR.id, occurredAt: '2026-02-11T03:00:00.000Z', stateBefore: { state: 'open.awaitingApproval' }, stateAfter: { state: 'open.resolved' } });
    expect(typeof approval.recordedAt).toBe('string');
  });

  it('filters by type, actor and time range, counting matches over the whole history', async () => {
    const events = await customerEvents();
    expect(customerHistory(events, defaultWorkflowLookup, { types: ['PickupRecorded'] }).entries.map((e) => e.data.pickupId)).toEqual(['p-1', 'p-2']);
    // the supervisor's one decision, with the engine's facts appended with it: the leader's task completed and the handlers' next one opened (issue 15)
    expect(customerHistory(events, defaultWorkflowLookup, { actor: SUPERVISOR.id }).entries.map((e) => e.type)).toEqual(['ResolutionApproved', 'TaskCompleted', 'TaskOpened']);
    const feb = customerHistory(events, defaultWorkflowLookup, { from: '2026-02-01T00:00:00.000Z', to: '2026-02-28T23:59:59.999Z' });
    expect(feb.entries.every((e) => e.occurredAt >= '2026-02-01' && e.occurredAt < '2026-03')).toBe(true);
    expect(feb.entries.find((e) => e.type === 'ComplaintClosed')).toBeDefined();
  });

  it('pages through the history without losing or repeating entries', async () => {
    const events = await customerEvents();
    const seen: number[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = customerHistory(events, defaultWorkflowLookup, {}, { offset, limit: 4 });
      expect(page.entries.length).toBeLessThanOrEqual(4);
      seen.push(...page.entries.map((e) => e.position));
      offset = page.nextOffset;
    }
    expect(seen).toEqual(events.map((e) => e.position));
  });
});
