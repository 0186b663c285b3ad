import { commandOf, DomainRuleViolation, replayEvents, stateName, TransitionNotAllowed, workflowSpec } from '../src';
import { toyWorkflow } from './toy.workflow';

const alice = { id: 'alice', roles: ['sales_reviewer' as const] };
const bob = { id: 'bob', roles: ['finance_reviewer' as const] };
const now = '2026-03-02T02:00:00.000Z';
const opened = { type: 'ToyOpened', data: { by: 'alice', at: now } };
const { given } = workflowSpec(toyWorkflow);

describe('workflow kit (toy two-step approval)', () => {
  it('creates an instance from nothing and schedules its declared deadline', () => {
    const decision = given([]).when(commandOf('OpenToy', {}, alice, now)).then([opened]);
    expect(decision.scheduled).toEqual([{ key: 'remind', dueAt: now, command: { type: 'RemindToy', data: {} } }]);
  });

  it('lets the machine guard refuse a second approval by the same person', () => {
    const first = { type: 'ToyApproved', data: { by: 'bob', step: 1 } };
    given([opened, first]).when(commandOf('ApproveToy', {}, bob, now)).thenThrows(TransitionNotAllowed, 'state "second"');
  });

  it('cancels the deadline when the state that declared it is left', () => {
    const decision = given([opened]).when(commandOf('ApproveToy', {}, bob, now)).then([{ type: 'ToyApproved', data: { by: 'bob', step: 1 } }]);
    expect(decision.cancelled.map((d) => d.key)).toEqual(['remind']);
  });

  it('refuses a command the machine does not allow in the final state', () => {
    const events = [opened, { type: 'ToyApproved', data: { by: 'a', step: 1 } }, { type: 'ToyApproved', data: { by: 'b', step: 2 } }];
    expect(replayEvents(toyWorkflow, events).status).toBe('done');
    given(events).when(commandOf('ApproveToy', {}, bob, now)).thenThrows(TransitionNotAllowed);
  });

  it('reports a bad payload with the field path and a decider rule with its id', () => {
    given([opened]).when(commandOf('ApproveToy', { comment: 'far too long a comment' }, bob, now)).thenThrows(DomainRuleViolation, /SCHEMA/);
    given([opened]).when(commandOf('ApproveToy', {}, { id: 'x', roles: [] }, now)).thenThrows(DomainRuleViolation, 'R-TOY-1');
  });

  it('ignores engine timer events when replaying', () => {
    const snapshot = replayEvents(toyWorkflow, [opened, { type: 'TimerScheduled', data: {} }]);
    expect(stateName(snapshot.value)).toBe('first');
  });

  it('flattens nested state values into dotted names', () => {
    expect(stateName({ review: 'finance' })).toBe('review.finance');
    expect(stateName('draft')).toBe('draft');
  });
});
