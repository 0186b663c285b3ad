import { tasksOnGraph, type AnyDomainEvent } from '@crm/workflow-kit';
import { onboardingWorkflow } from '../src';
import { admin, amend, approve, aForm, cmd, create, finance, gm, history, manager, returnAt, sales, sales2, submit } from './onboarding.fixtures';

const unique = (events: AnyDomainEvent[]) => [...new Map(events.map((e) => [JSON.stringify(e), e])).values()];

/** One real instance of each review event, produced by the decider (guards read their data). */
function samples(): AnyDomainEvent[] {
  const approved = history([create(), submit(), approve('sales', sales), approve('finance', finance), approve('generalManager', gm)]);
  const returned = history([create(), submit(), returnAt('sales', sales), amend(aForm()), submit(), cmd('ReassignStep', { step: 'sales', to: 'chen' }, admin), approve('sales', sales2)]);
  const rejected = history([create(), submit(), cmd('RejectStep', { step: 'sales', reason: '资料不实' }, sales)]);
  const withdrawn = history([create(), cmd('WithdrawApplication', {}, manager)]);
  return unique([...approved, ...returned, ...rejected, ...withdrawn]);
}

describe('onboarding human tasks on the machine graph (issue 15)', () => {
  it('R-ONB-3: each review step opens its department\'s task, a returned application goes back to its applicant; a draft and every end wait on no one', () => {
    // the round and the reassignment are context: states are told apart by value and round only
    const serializeState = (s: any) => JSON.stringify([s.value, s.context.round, s.context.pending?.assignee ?? null]);
    expect(tasksOnGraph(onboardingWorkflow, { events: samples(), serializeState })).toEqual({ approved: [''], draft: [''], finalising: [''], none: [''], rejected: [''], returned: ['onboarding.returned'], 'review.finance': ['onboarding.finance'], 'review.generalManager': ['onboarding.generalManager'], 'review.sales': ['onboarding.sales'], withdrawn: [''] });
  });
});
