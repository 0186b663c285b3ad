import recorded from './fixtures/customer-v1-streams.json';
import { stateOf } from './customer.fixtures';

/**
 * ADR 0005 / ADR 0023: streams written before the grade review, renewal proofs and sales-plan
 * reminders replay to the state they had then (events and final states recorded with b28fe15).
 */
describe('customer streams recorded by machine v1 replay to the same state (ADR 0005, ADR 0023)', () => {
  it.each(Object.keys(recorded.streams))('R-TIER-4/R-EVAL-1: %s', (name) => {
    const events = recorded.streams[name as keyof typeof recorded.streams];
    const then = recorded.states[name as keyof typeof recorded.states];
    const { value, context } = stateOf(events as never);
    const { pickups: _pickups, ...now } = context;
    expect(value).toEqual(then.value);
    expect(now).toMatchObject(then.context);
    expect({ pending: now.pendingGradeMove, policy: now.gradingPolicy, proofs: now.renewalProofs }).toEqual({ pending: null, policy: null, proofs: {} });
  });

  it('R-TIER-2: an online-auction month recorded before ADR 0023 stays unchanged on replay (2,500 t did not move it then)', () => {
    const events = recorded.streams.onlineAuction;
    expect(events.filter((e) => e.type === 'MonthEvaluated').map((e) => (e.data as { grade: string }).grade)).toEqual(['online_auction', 'online_auction']);
    expect(stateOf(events.slice(0, 4) as never).context.grade).toBe('online_auction');
  });

  it('R-EVAL-1: a recorded suspension becomes a closed suspended period', () => {
    expect(stateOf(recorded.streams.suspension as never).context.suspensions).toEqual([{ from: '2026-06-30T16:00:00.000Z', until: '2026-07-05T00:00:00.000Z' }]);
  });
});
