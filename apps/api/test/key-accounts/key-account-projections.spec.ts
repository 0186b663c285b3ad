import type { StoredEvent } from '@crm/event-store';
import {
  type AllocationCommand, allocationWorkflow, DECLINE_POLICY_V1, type KeyAccountCommand, keyAccountWorkflow, LOYALTY_POLICIES,
} from '@crm/key-accounts';
import { type Actor, type AnyDomainEvent, type AnyWorkflow, commandOf, decideOnWorkflow, replayEvents } from '@crm/workflow-kit';
import { ALLOCATIONS_TABLE, allocationsProjection, SALES_PLANS_TABLE, salesPlansProjection, SIGNALS_TABLE, signalsProjection } from '../../src/key-accounts/key-account-projections';
import { describeReadModels } from '../support/read-model-replay';

const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
const GM: Actor = { id: 'gm', roles: ['general_manager'] };
const SYSTEM: Actor = { id: 'sales', roles: ['sales_reviewer'] };

function run(workflow: AnyWorkflow, steps: Array<[string, object, Actor, string]>): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const [type, data, actor, now] of steps) {
    events.push(...decideOnWorkflow(workflow, replayEvents(workflow, events), events.length - 1 < 0 ? null : events.length - 1, commandOf(type as never, data as never, actor, now), undefined).events);
  }
  return events;
}

const series = (kg: number[], last: string) => {
  const [y, m] = last.split('-').map(Number);
  return Object.fromEntries(kg.map((v, i) => {
    const index = y * 12 + m - 1 - (kg.length - 1 - i);
    return [`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, v];
  }));
};
const evaluation = (month: string, kg: number[]) => ({
  customerId: 'ka-1', month, abcClass: 'A', kgByMonth: series(kg, month), lastPickupDate: `${month}-10`, customerManagerId: 'manager',
  declinePolicy: DECLINE_POLICY_V1, loyaltyPolicy: LOYALTY_POLICIES[0],
});

/** A warning raised, raised again next month, cleared; a level earned; an allocation returned, re-proposed, approved; a plan revised. */
function history(): StoredEvent[] {
  const declining = [...Array(12).fill(3_000_000), 500_000, 500_000, 500_000];
  const keyAccount = run(keyAccountWorkflow, [
    ['EvaluateKeyAccountMonth', evaluation('2026-06', declining), SYSTEM, '2026-07-01T02:00:00.000Z'],
    ['EvaluateKeyAccountMonth', evaluation('2026-07', [...declining.slice(1), 400_000]), SYSTEM, '2026-08-01T02:00:00.000Z'],
    ['EvaluateKeyAccountMonth', evaluation('2026-08', Array(15).fill(3_000_000)), SYSTEM, '2026-09-01T02:00:00.000Z'],
  ] as Array<[KeyAccountCommand['type'], object, Actor, string]>);
  const demands = [
    { customerId: 'd', salesObject: 'direct', kg: 500, source: 'request', completionRate: null, evenness: null },
    { customerId: 'a', salesObject: 'exclusive_agent', kg: 500, source: 'sales_plan', completionRate: 0.5, evenness: null },
  ];
  const allocation = run(allocationWorkflow, [
    ['ProposeAllocation', { month: '2026-08', productLine: 'other_chemicals', availableKg: 700, demands, note: null }, SALES, '2026-08-01T02:00:00.000Z'],
    ['ReturnAllocation', { round: 1, reason: '重算' }, GM, '2026-08-01T03:00:00.000Z'],
    ['ProposeAllocation', { month: '2026-08', productLine: 'other_chemicals', availableKg: 900, demands, note: '追加' }, SALES, '2026-08-01T04:00:00.000Z'],
    ['AdjustAllocation', { round: 2, customerId: 'a', allocatedKg: 300, reason: '代理商检修' }, SALES, '2026-08-01T04:30:00.000Z'],
    ['ApproveAllocation', { round: 2, comment: null }, GM, '2026-08-01T05:00:00.000Z'],
    ['ProposeAllocation', { month: '2026-08', productLine: 'other_chemicals', availableKg: 1000, demands, note: '月中追加' }, SALES, '2026-08-15T04:00:00.000Z'],
  ] as Array<[AllocationCommand['type'], object, Actor, string]>);
  const plans: AnyDomainEvent[] = [1, 2].map((revision) => ({
    type: 'SalesPlanFiled',
    data: { month: '2026-08', lines: [{ customer: '某厂', quantity: revision * 100.5, pickupWindow: { from: '2026-08-01', to: '2026-08-20' } }], revision, filedBy: 'manager', filedAt: `2026-07-2${revision}T02:00:00.000Z` },
  }));
  const stored = (events: AnyDomainEvent[], streamId: string, start: number) =>
    events.map((e, i) => ({
      id: `00000000-0000-4000-8000-${String(start + i).padStart(12, '0')}`, type: e.type, data: e.data as StoredEvent['data'],
      metadata: { actor: 'x', correlationId: 'corr', causationId: null, occurredAt: '2026-08-01T02:00:00.000Z', schemaVersion: 1 },
      streamId, revision: i, position: start + i, recordedAt: '2026-08-01T02:00:00.000Z', hash: `hash-${start + i}`,
    }));
  return [...stored(plans, 'customer-agent-1', 1), ...stored(keyAccount, 'key-account-ka-1', 10), ...stored(allocation, 'resource-allocation-other_chemicals-2026-08', 30)];
}

describeReadModels('key-account read models', [salesPlansProjection, signalsProjection, allocationsProjection], (replay) => {
  it('R-KAM-3/4, R-ALLOC-2: replaying every event twice changes nothing', async () => {
    const events = history();
    await replay.expectReplayTwiceUnchanged(events);
    const signals = await replay.readModels.db.selectFrom(SIGNALS_TABLE).select(['month', 'kind']).orderBy('position').execute();
    expect(signals).toEqual([
      { month: '2026-06', kind: 'warning_raised' }, { month: '2026-07', kind: 'warning_raised' }, { month: '2026-08', kind: 'warning_cleared' }, { month: '2026-08', kind: 'level_changed' },
    ]);
    const allocation = await replay.readModels.db.selectFrom(ALLOCATIONS_TABLE).selectAll().executeTakeFirstOrThrow();
    // the amendment (round 3) is under review; round 2 as adjusted stays in force
    expect(allocation).toMatchObject({ allocation_id: 'other_chemicals-2026-08', month: '2026-08', product_line: 'other_chemicals', status: 'draft', note: '月中追加' });
    expect(Number(allocation.round)).toBe(3);
    expect(Number(allocation.allocated_kg)).toBe(1000);
    expect(Number(allocation.approved_round)).toBe(2);
    const inForce = JSON.parse(String(allocation.approved_lines)) as Array<{ customerId: string; allocatedKg: number; adjustment?: { previousKg: number; reason: string } }>;
    expect(inForce.map((l) => [l.customerId, l.allocatedKg, l.adjustment?.previousKg ?? null, l.adjustment?.reason ?? null])).toEqual([['d', 500, null, null], ['a', 300, 400, '代理商检修']]);
    const plan = await replay.readModels.db.selectFrom(SALES_PLANS_TABLE).selectAll().executeTakeFirstOrThrow();
    expect([Number(plan.planned_kg), Number(plan.revision)]).toEqual([201_000, 2]);
  });

  it('R-TIER-7: an older plan revision applied after a newer one does not overwrite it', async () => {
    const events = history().filter((e) => e.type === 'SalesPlanFiled');
    await replay.applyAll(salesPlansProjection, [...events].reverse());
    const plan = await replay.readModels.db.selectFrom(SALES_PLANS_TABLE).selectAll().executeTakeFirstOrThrow();
    expect(Number(plan.revision)).toBe(2);
  });
});
