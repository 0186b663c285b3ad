import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { onboardingWorkflow } from '../src';
import {
  aForm, allRounder, amend, approve, approvedHistory, atFinance, atGeneralManager, cmd, create, CREDIT_CODE, finance, finance2, gm,
  history, manager, NOW, returnAt, sales, sales2, servicesFor, stateAfter, submit, submitted,
} from './onboarding.fixtures';

const { given } = workflowSpec(onboardingWorkflow, servicesFor());
const attestAll = ['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products', 'producer_of_scale', 'good_funds_and_credit']
  .map((criterion) => ({ criterion, evidence: '实地考察' }));
const decidedBy = (by: string, role: string) => ({ round: 1, by, role, onBehalfOf: null, delegationId: null, at: NOW });

describe('R-ONB-3: approval runs sales → finance → general manager', () => {
  it('the sales department approves first; finance review opens with its own reminder', () => {
    const decision = given(submitted()).when(approve('sales', sales, { comment: '资质齐全' })).then([
      { type: 'SalesReviewApproved', data: { ...decidedBy('li', 'sales_reviewer'), comment: '资质齐全', admission: [], nextReminderDueAt: '2026-03-04T02:00:00.000Z' } },
    ]);
    expect(stateAfter([...submitted(), ...decision.events])).toBe('review.finance');
    expect(decision.cancelled.map((d) => d.key)).toEqual(['reminder-sales-1']);
    expect(decision.scheduled.map((d) => d.key)).toEqual(['reminder-finance-1']);
  });

  it('finance approves and records that it checked the tax registration and the invoicing data', () => {
    const decision = given(atFinance()).when(approve('finance', finance)).then([
      {
        type: 'FinanceReviewApproved',
        data: { ...decidedBy('zhang', 'finance_reviewer'), comment: null, checked: { taxRegistration: true, invoicingData: true }, nextReminderDueAt: '2026-03-04T02:00:00.000Z' },
      },
    ]);
    expect(stateAfter([...atFinance(), ...decision.events])).toBe('review.generalManager');
  });

  it.each([
    ['without checks', {}],
    ['without checking the invoicing data', { checked: { taxRegistration: true, invoicingData: false } }],
  ])('finance cannot approve %s', (_why, data) => {
    given(atFinance()).when(cmd('ApproveStep', { step: 'finance', ...data }, finance)).thenThrows(DomainRuleViolation, /R-ONB-3.*tax registration/);
  });

  it('the general manager approves last and the applicant becomes a customer (R-ONB-4: everything the archive needs)', () => {
    const decision = given(atGeneralManager()).when(approve('generalManager', gm)).thenMatches([
      { type: 'GeneralManagerApproved', data: { ...decidedBy('zhou', 'general_manager'), comment: null } },
      {
        type: 'ApplicationApproved',
        data: {
          applicationId: 'app-1', customerId: 'cust-app-1', applicantId: 'wang', name: '杭州某某化工有限公司',
          identifiers: { kind: 'unified', creditCode: CREDIT_CODE }, identityKey: '799655058', invoicing: aForm().invoicing,
          contacts: aForm().contacts, productLine: 'polyolefin', class: { salesObject: 'distributor', salesForm: 'online_auction' },
          grade: 'online_auction', region: '华东', customerManagerId: 'wang',
          documents: [{ documentId: 'doc-1', kind: 'business_licence', number: CREDIT_CODE, validFrom: '2020-01-01', validUntil: '2030-12-31', fileName: 'licence.pdf' }],
          admission: null,
          approvals: [
            { step: 'sales', round: 1, by: 'li', onBehalfOf: null, at: NOW },
            { step: 'finance', round: 1, by: 'zhang', onBehalfOf: null, at: NOW },
            { step: 'generalManager', round: 1, by: 'zhou', onBehalfOf: null, at: NOW },
          ],
          at: NOW,
        },
      },
    ]);
    expect(stateAfter([...atGeneralManager(), ...decision.events])).toBe('approved');
    expect(decision.scheduled).toEqual([]);
    expect(decision.cancelled.map((d) => d.key)).toEqual(['reminder-generalManager-1']);
  });

  it.each([
    ['R-TIER-2', 'a polyolefin online-auction distributor starts as online-auction (网拍客户)', { salesObject: 'distributor', salesForm: 'online_auction' }, 'polyolefin', 'online_auction'],
    ['R-TIER-3', 'a polyolefin direct customer starts at ordinary', { salesObject: 'direct', salesForm: 'online_auction' }, 'polyolefin', 'ordinary'],
    ['R-TIER-2', 'a polyolefin planned customer starts at ordinary', { salesObject: 'distributor', salesForm: 'planned' }, 'polyolefin', 'ordinary'],
    ['R-TIER-5', 'other chemical products have no grade', { salesObject: 'exclusive_agent', salesForm: null }, 'other_chemicals', null],
  ] as const)('%s: %s', (_rule, _why, customerClass, productLine, grade) => {
    const form = aForm({ productLine, customerClass });
    const events = history([create(form), submit(), approve('sales', sales, { admission: attestAll }), approve('finance', finance)]);
    const [, approved] = given(events).when(approve('generalManager', gm)).thenMatches([{ type: 'GeneralManagerApproved' }, { type: 'ApplicationApproved' }]).events;
    expect(approved.data.grade).toBe(grade);
  });

  it('R-TIER-6: the sales department attests admission of an other-chemicals customer; the archive receives it', () => {
    const form = aForm({ productLine: 'other_chemicals', customerClass: { salesObject: 'direct', salesForm: null } });
    const partial = [{ criterion: 'producer_of_scale' as const, evidence: '年产 20 万吨' }];
    given(history([create(form), submit()])).when(approve('sales', sales, { admission: partial })).thenThrows(DomainRuleViolation, /R-TIER-6.*good_funds_and_credit/);
    const full = [...partial, { criterion: 'good_funds_and_credit' as const, evidence: '银行资信证明 A 级' }];
    const events = history([create(form), submit(), approve('sales', sales, { admission: full }), approve('finance', finance)]);
    const [, approved] = given(events).when(approve('generalManager', gm)).thenMatches([{ type: 'GeneralManagerApproved' }, { type: 'ApplicationApproved' }]).events;
    expect(approved.data.admission).toEqual({ checkedBy: 'li', attestations: full });
  });

  it('finance cannot approve before sales (order, not role)', () => {
    given(submitted()).when(approve('finance', finance)).thenThrows(DomainRuleViolation, /R-ONB-3.*pending step is sales/);
  });

  it('the general manager cannot approve before finance', () => {
    given(atFinance()).when(approve('generalManager', gm)).thenThrows(DomainRuleViolation, 'R-ONB-3');
  });

  it('nothing is approved in draft', () => {
    given(history([create()])).when(approve('sales', sales)).thenThrows(TransitionNotAllowed, 'draft');
  });

  it.each([
    ['a finance reviewer', 'sales', finance, submitted],
    ['a sales reviewer', 'finance', sales2, atFinance],
    ['a finance reviewer', 'generalManager', finance2, atGeneralManager],
  ] as const)('wrong role: %s cannot decide the %s step', (_who, step, actor, events) => {
    given(events()).when(approve(step, actor)).thenThrows(NotPermitted, /R-ONB-3.*decided by/);
    given(events()).when(cmd('RejectStep', { step, reason: '不符合' }, actor)).thenThrows(NotPermitted, 'R-ONB-3');
  });

  it('a stale decision naming a step that has moved on is refused, not applied to the next step', () => {
    given(atFinance()).when(approve('sales', sales2)).thenThrows(DomainRuleViolation, 'R-ONB-3');
  });

  it('after the final approval nothing more is decided', () => {
    given(approvedHistory()).when(approve('generalManager', gm)).thenThrows(TransitionNotAllowed, 'approved');
  });
});

describe('ONB-SELF / ONB-SOD: who may decide', () => {
  const managerWhoReviews = { id: 'wang', roles: ['customer_manager' as const, 'sales_reviewer' as const] };
  const creatorForOther = { id: 'zhao', roles: ['customer_manager' as const, 'sales_reviewer' as const] };

  it('ONB-SELF: the applicant cannot approve their own application, even holding the role', () => {
    given(submitted()).when(approve('sales', managerWhoReviews)).thenThrows(NotPermitted, 'ONB-SELF');
  });

  it('ONB-SELF: nor can the customer manager named on the form when someone else filed it', () => {
    given(history([create(aForm(), creatorForOther), submit(creatorForOther)])).when(approve('sales', managerWhoReviews)).thenThrows(NotPermitted, 'ONB-SELF');
  });

  it('ONB-SELF: the applicant cannot reject or return their own application either', () => {
    given(submitted()).when(returnAt('sales', managerWhoReviews)).thenThrows(NotPermitted, 'ONB-SELF');
  });

  it('ONB-SOD: a person who approved the sales step cannot approve finance', () => {
    const events = history([create(), submit(), approve('sales', allRounder)]);
    given(events).when(approve('finance', allRounder)).thenThrows(NotPermitted, /ONB-SOD.*sun/);
  });

  it('ONB-SOD: nor the general manager step after approving finance', () => {
    const events = history([create(), submit(), approve('sales', sales), approve('finance', allRounder)]);
    given(events).when(approve('generalManager', allRounder)).thenThrows(NotPermitted, 'ONB-SOD');
  });

  it('ONB-SOD: a reviewer who approved one step may still refuse at another (refusing pushes nothing through)', () => {
    const events = history([create(), submit(), approve('sales', allRounder)]);
    given(events).when(returnAt('finance', allRounder)).thenMatches([{ type: 'ApplicationReturnedForRevision', data: { step: 'finance', by: 'sun' } }]);
  });
});

describe('R-ONB-3: reject (final) and return for revision (loop)', () => {
  it('a returned application notifies its applicant, the customer manager who filed it (notifyUsers)', () => {
    given(atFinance()).when(returnAt('finance', finance)).thenMatches([{ type: 'ApplicationReturnedForRevision', data: { step: 'finance', notifyUsers: ['wang'] } }]);
  });

  it('a rejection with its reason is final', () => {
    const decision = given(atFinance()).when(cmd('RejectStep', { step: 'finance', reason: '税务登记证已注销' }, finance)).then([
      { type: 'ApplicationRejected', data: { ...decidedBy('zhang', 'finance_reviewer'), step: 'finance', reason: '税务登记证已注销' } },
    ]);
    const after = [...atFinance(), ...decision.events];
    expect(stateAfter(after)).toBe('rejected');
    expect(decision.cancelled.map((d) => d.key)).toEqual(['reminder-finance-1']);
    given(after).when(amend(aForm({ region: '华南' }))).thenThrows(TransitionNotAllowed, 'rejected');
    given(after).when(submit()).thenThrows(TransitionNotAllowed);
  });

  it('a rejection needs a reason; a return needs a comment', () => {
    given(atFinance()).when(cmd('RejectStep', { step: 'finance', reason: '' }, finance)).thenThrows(DomainRuleViolation, /SCHEMA/);
    given(atFinance()).when(cmd('ReturnForRevision', { step: 'finance', comment: '  ' }, finance)).thenThrows(DomainRuleViolation, /SCHEMA/);
  });

  it('a return sends the application back to the applicant, who amends and resubmits: round 2 restarts at sales', () => {
    const returned = history([create(), submit(), approve('sales', sales), returnAt('finance', finance)]);
    expect(stateAfter(returned)).toBe('returned');
    const amended = [...returned, ...given(returned).when(amend(aForm({ region: '华南' }))).thenMatches([{ type: 'ApplicationAmended' }]).events];
    const decision = given(amended).when(submit()).thenMatches([{ type: 'ApplicationSubmitted', data: { round: 2 } }]);
    expect(stateAfter([...amended, ...decision.events])).toBe('review.sales');
    expect(decision.scheduled.map((d) => d.key)).toEqual(['reminder-sales-2']);
  });

  it('round 2: the same sales reviewer may approve sales again', () => {
    const round2 = history([create(), submit(), approve('sales', allRounder), returnAt('finance', finance), submit()]);
    given(round2).when(approve('sales', allRounder)).thenMatches([{ type: 'SalesReviewApproved', data: { round: 2, by: 'sun' } }]);
  });

  it('ONB-SOD across rounds: whoever approved sales in round 1 cannot approve finance in round 2', () => {
    const round2 = history([create(), submit(), approve('sales', allRounder), returnAt('finance', finance), submit(), approve('sales', sales)]);
    given(round2).when(approve('finance', allRounder)).thenThrows(NotPermitted, 'ONB-SOD');
  });

  it('the final approval lists only the round that got it through', () => {
    const events = history([
      create(), submit(), approve('sales', sales), returnAt('finance', finance), submit(), approve('sales', sales2), approve('finance', finance),
    ]);
    const [, approved] = given(events).when(approve('generalManager', gm)).thenMatches([{ type: 'GeneralManagerApproved' }, { type: 'ApplicationApproved' }]).events;
    expect(approved.data.approvals.map((a: { by: string; round: number }) => `${a.by}@${a.round}`)).toEqual(['chen@2', 'zhang@2', 'zhou@2']);
  });

  it('the applicant can also withdraw instead of resubmitting', () => {
    const returned = history([create(), submit(), returnAt('sales', sales)]);
    given(returned).when(cmd('WithdrawApplication', {}, manager)).then([{ type: 'ApplicationWithdrawn', data: { by: 'wang', reason: null, at: NOW } }]);
  });
});
