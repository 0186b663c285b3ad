import { applyEvent, type AnyDomainEvent, decideOnWorkflow, initialSnapshot } from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';
import { type CustomerContext, customerWorkflow, livePickups } from '../src';
import { cmd, MANAGER, opened, SERVICES } from './customer.fixtures';

const PICKUPS = 10_000;
const DAY = 86_400_000;
const FIRST_DAY = Date.parse('2026-01-16T00:00:00.000Z');

const dateOf = (i: number) => new Date(FIRST_DAY + (i % 300) * DAY).toISOString().slice(0, 10);
const recorded = (i: number): AnyDomainEvent => ({
  type: 'PickupRecorded',
  data: { pickupId: `p-${i}`, date: dateOf(i), product: 'HDPE 5000S', tonnes: 1 + (i % 7), warehouse: '镇海库', recordedBy: 'mgr-li', recordedAt: '2026-12-01T00:00:00.000Z' },
});
const ctx = (s: AnyMachineSnapshot) => s.context as CustomerContext;

/**
 * A busy archive replayed event by event through the machine (the audit keeps every
 * intermediate state): every snapshot keeps its own pickups, untouched by later events. The
 * replay's speed is measured by `npm run bench -- replay`, never asserted here.
 */
describe('R-TIER-2: a customer with 10,000 pickups, replayed through the machine', () => {
  const snapshots: AnyMachineSnapshot[] = [];
  beforeAll(() => {
    let s = opened().reduce((acc, e) => applyEvent(customerWorkflow, acc, e), initialSnapshot(customerWorkflow));
    snapshots.push(s);
    for (let i = 0; i < PICKUPS; i++) snapshots.push((s = applyEvent(customerWorkflow, s, recorded(i))));
  });

  it('holds every pickup and sums every month exactly', () => {
    const last = ctx(snapshots[PICKUPS]);
    expect(last.pickups.size).toBe(PICKUPS);
    const expected: Record<string, number> = {};
    for (let i = 0; i < PICKUPS; i++) expected[dateOf(i).slice(0, 7)] = (expected[dateOf(i).slice(0, 7)] ?? 0) + (1 + (i % 7)) * 1000;
    expect(last.monthKg).toEqual(expected);
    expect(last.pickups.get('p-4321')).toEqual({ date: dateOf(4321), product: 'HDPE 5000S', warehouse: '镇海库', kg: (1 + (4321 % 7)) * 1000, voided: false });
    expect(livePickups(last)).toHaveLength(PICKUPS);
  });

  it('leaves every earlier snapshot as it was: snapshot k holds exactly the first k pickups', () => {
    for (const k of [0, 1, 2, 999, 5000, 9999]) {
      const pickups = ctx(snapshots[k]).pickups;
      expect(pickups.size).toBe(k);
      expect(pickups.has(`p-${k}`)).toBe(false);
      if (k > 0) expect(pickups.get(`p-${k - 1}`)?.kg).toBe((1 + ((k - 1) % 7)) * 1000);
    }
  });

  it('decides against the 10,000th state: a repeat is a no-op, a new pickup is recorded, and the state decided on is unchanged', () => {
    const last = snapshots[PICKUPS];
    const before = ctx(last).pickups;
    const repeat = cmd('RecordPickup', { pickupId: 'p-17', date: dateOf(17), product: 'HDPE 5000S', tonnes: 1 + (17 % 7), warehouse: '镇海库' }, MANAGER, '2026-12-01T00:00:00.000Z');
    expect(decideOnWorkflow(customerWorkflow, last, PICKUPS, repeat, SERVICES).events).toEqual([]);
    const fresh = cmd('RecordPickup', { pickupId: 'p-new', date: '2026-11-30', product: 'PP', tonnes: 3, warehouse: '镇海库' }, MANAGER, '2026-12-01T00:00:00.000Z');
    const decision = decideOnWorkflow(customerWorkflow, last, PICKUPS, fresh, SERVICES);
    expect(ctx(decision.after).pickups.size).toBe(PICKUPS + 1);
    expect(ctx(last).pickups).toBe(before);
    expect(before.has('p-new')).toBe(false);
  });
});
