import { type AnyDomainEvent, assertMachineGraph, commandOf, decideOnWorkflow, DomainRuleViolation, NotPermitted, replayEvents, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { type CustomerReviewCommand, customerReviewMachine, customerReviewWorkflow, meetingFor, reviewPeriodBefore } from '../src';
import { at, GM, MANAGER, SALES } from './key-account.fixtures';

const cmd = <T extends CustomerReviewCommand['type']>(type: T, data: Extract<CustomerReviewCommand, { type: T }>['data'], actor = SALES, now = at(3)) =>
  commandOf<CustomerReviewCommand>(type, data, actor, now);
const entries = [
  { customerId: 'c-1', salesObject: 'distributor' as const, suggested: 'keep' as const, evidence: '期内提货 300 吨' },
  { customerId: 'c-2', salesObject: 'exclusive_agent' as const, suggested: 'down' as const, evidence: '下滑预警 1 次' },
];
const open = (period = '2026-Q2') => cmd('OpenCustomerReview', { period, productLine: 'polyolefin', entries });
const spec = workflowSpec(customerReviewWorkflow);
/** the history after `command` on `given` */
const after = (given: AnyDomainEvent[], command: CustomerReviewCommand): AnyDomainEvent[] =>
  [...given, ...decideOnWorkflow(customerReviewWorkflow, replayEvents(customerReviewWorkflow, given), given.length ? given.length - 1 : null, command, undefined).events];

describe('customer review (R-EVAL-2)', () => {
  it('R-EVAL-2: quarterly and half-yearly results go to 公司经营例会, yearly ones to 产品经销公司总经理办公会', () => {
    expect([meetingFor('2026-Q3'), meetingFor('2026-H1'), meetingFor('2026')]).toEqual(['公司经营例会', '公司经营例会', '产品经销公司总经理办公会']);
    spec.given([]).when(open('2026')).thenMatches([{ type: 'CustomerReviewOpened', data: { meeting: '产品经销公司总经理办公会', entries } }]);
  });

  it('R-EVAL-2: the conclusion records each customer’s outcome — recorded, or the suggestion adopted — and reports it', () => {
    const decided = after(after([], open()), cmd('RecordReviewOutcome', { customerId: 'c-2', outcome: 'keep', reason: '预警已解除' }));
    spec.given(decided).when(cmd('ConcludeCustomerReview', { note: null }, GM)).thenMatches([{
      type: 'CustomerReviewConcluded',
      data: { meeting: '公司经营例会', outcomes: [{ customerId: 'c-1', outcome: 'keep', adopted: true }, { customerId: 'c-2', outcome: 'keep', adopted: false }], notify: ['general_manager', 'supervisor'] },
    }]);
  });

  it('R-EVAL-2: only the sales department reviews; a customer outside the review and a concluded review are refused', () => {
    spec.given([]).when(cmd('OpenCustomerReview', { period: '2026-Q2', productLine: 'polyolefin', entries }, MANAGER)).thenThrows(NotPermitted, 'R-EVAL-2');
    const opened = after([], open());
    spec.given(opened).when(cmd('RecordReviewOutcome', { customerId: 'c-9', outcome: 'up', reason: 'x' })).thenThrows(DomainRuleViolation, 'R-EVAL-2');
    const concluded = after(opened, cmd('ConcludeCustomerReview', { note: null }));
    spec.given(concluded).when(cmd('RecordReviewOutcome', { customerId: 'c-1', outcome: 'up', reason: 'x' })).thenThrows(TransitionNotAllowed);
    spec.given([]).when(cmd('OpenCustomerReview', { period: '2026-Q2', productLine: 'polyolefin', entries: [] })).thenThrows(DomainRuleViolation, 'R-EVAL-2');
  });

  it('R-ALLOC-2: a month’s allocation follows the last quarter closed before it', () => {
    expect([reviewPeriodBefore('2026-10'), reviewPeriodBefore('2026-12'), reviewPeriodBefore('2027-02'), reviewPeriodBefore('2026-04')]).toEqual(['2026-Q3', '2026-Q3', '2026-Q4', '2026-Q1']);
  });

  it('every state is reachable and the final one reached', () => {
    const events = after(after([], open()), cmd('ConcludeCustomerReview', { note: null }));
    const report = assertMachineGraph(customerReviewMachine, { events });
    expect(report.unreachable).toEqual([]);
  });
});
