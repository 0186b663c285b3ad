import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { onboardingWorkflow } from '../src';
import {
  aForm, amend, approvedHistory, cmd, create, CREDIT_CODE, history, LATER, manager, manager2, NOW, OTHER_CREDIT_CODE,
  SEPARATE_DOCS, SEPARATE_IDS, servicesFor, stateAfter, submit, submitted,
} from './onboarding.fixtures';

const { given } = workflowSpec(onboardingWorkflow, servicesFor());

describe('onboarding decider: drafting', () => {
  it('a customer manager drafts an application (客户开户审批表)', () => {
    given([]).when(create()).then([
      { type: 'ApplicationDrafted', data: { applicationId: 'app-1', applicantId: 'wang', form: aForm(), identityKey: '799655058', at: NOW } },
    ]);
  });

  it('R-ONB-1: accepts the older separate numbers instead of the unified code', () => {
    const form = aForm({ identifiers: SEPARATE_IDS, documents: SEPARATE_DOCS });
    const [drafted] = given([]).when(create(form)).thenMatches([{ type: 'ApplicationDrafted' }]).events;
    expect(drafted.data).toMatchObject({ identityKey: '192203821', form: { identifiers: { organisationCode: '192203821' } } });
  });

  it.each([
    ['an invalid credit code', { identifiers: { kind: 'unified' as const, creditCode: '91330100799655058C' } }, /R-ONB-1.*Unified Social Credit Code/],
    ['an invalid organisation code', { identifiers: { ...SEPARATE_IDS, organisationCode: '19220382-2' } }, /R-ONB-1.*organisation code/],
    ['a company name without Chinese', { companyName: 'ACME Chemicals Ltd' }, /R-ONB-1.*Chinese/],
    ['invoicing data without an account number', { invoicing: { ...aForm().invoicing, accountNumber: 'n/a' } }, /R-ONB-1.*account/],
    ['no contact', { contacts: [] }, /R-ONB-1.*contact/],
  ])('R-ONB-1: refuses %s with the rule in the message', (_why, overrides, message) => {
    given([]).when(create(aForm(overrides))).thenThrows(DomainRuleViolation, message);
  });

  it.each([
    ['R-TIER-1', 'an exclusive agent for polyolefin', { customerClass: { salesObject: 'exclusive_agent' as const, salesForm: 'planned' as const } }],
    ['R-TIER-1', 'polyolefin without a sales form', { customerClass: { salesObject: 'distributor' as const, salesForm: null } }],
    ['R-TIER-5', 'other chemicals with a sales form', { productLine: 'other_chemicals' as const }],
  ])('%s: refuses %s', (rule, _why, overrides) => {
    given([]).when(create(aForm(overrides))).thenThrows(DomainRuleViolation, rule);
  });

  it('R-ONB-2: refuses a document valid until before it is valid from', () => {
    const documents = [{ kind: 'business_licence' as const, number: CREDIT_CODE, validFrom: '2030-01-01', validUntil: '2020-01-01' }];
    given([]).when(create(aForm({ documents }))).thenThrows(DomainRuleViolation, /R-ONB-2/);
  });

  it('ONB-APPLICANT: only a customer manager files an application', () => {
    given([]).when(create(aForm(), { id: 'li', roles: ['sales_reviewer'] })).thenThrows(NotPermitted, 'ONB-APPLICANT');
  });

  it('ONB-DUPLICATE: refuses a second application while one is open for the same credit code', () => {
    const spec = workflowSpec(onboardingWorkflow, servicesFor({ taken: new Map([['799655058', 'app-0']]) }));
    spec.given([]).when(create()).thenThrows(DomainRuleViolation, /ONB-DUPLICATE.*app-0/);
  });

  it('ONB-DUPLICATE: an old-style application collides with the unified code of the same company', () => {
    const spec = workflowSpec(onboardingWorkflow, servicesFor({ taken: new Map([['192203821', 'cust-app-7']]) }));
    spec.given([]).when(create(aForm({ identifiers: SEPARATE_IDS, documents: SEPARATE_DOCS }))).thenThrows(DomainRuleViolation, 'ONB-DUPLICATE');
    spec.given([]).when(create(aForm({ identifiers: { kind: 'unified', creditCode: OTHER_CREDIT_CODE } }))).thenThrows(DomainRuleViolation, 'ONB-DUPLICATE');
  });

  it('ONB-DUPLICATE: the application itself is not its own duplicate when it is amended or submitted', () => {
    const spec = workflowSpec(onboardingWorkflow, servicesFor({ taken: new Map([['799655058', 'app-1']]) }));
    spec.given(history([create()])).when(submit()).thenMatches([{ type: 'ApplicationSubmitted' }]);
  });

  it('a stream holds one application: a second CreateApplication is refused', () => {
    given(history([create()])).when(create()).thenThrows(TransitionNotAllowed);
  });
});

describe('onboarding decider: amending', () => {
  it('the applicant amends the draft; the event names the changed fields', () => {
    const form = aForm({ region: '华南', contacts: [{ name: '李采购', telephone: '13900139000' }] });
    given(history([create()])).when(amend(form)).then([
      { type: 'ApplicationAmended', data: { by: 'wang', form, identityKey: '799655058', changedFields: ['contacts', 'region'], at: NOW } },
    ]);
  });

  it('an amendment that changes nothing records nothing', () => {
    given(history([create()])).when(amend(aForm())).then([]);
  });

  it('ONB-APPLICANT: another customer manager cannot amend it', () => {
    given(history([create()])).when(amend(aForm({ region: '华南' }), manager2)).thenThrows(NotPermitted, 'ONB-APPLICANT');
  });

  it('ONB-DUPLICATE: amending to a company that is already a customer is refused', () => {
    const spec = workflowSpec(onboardingWorkflow, servicesFor({ taken: new Map([['192203821', 'cust-app-9']]) }));
    const form = aForm({ identifiers: { kind: 'unified', creditCode: OTHER_CREDIT_CODE }, documents: [] });
    spec.given(history([create()])).when(amend(form)).thenThrows(DomainRuleViolation, 'ONB-DUPLICATE');
  });

  it('R-ONB-3: the form is frozen while it is under review', () => {
    given(submitted()).when(amend(aForm({ region: '华南' }))).thenThrows(TransitionNotAllowed, 'review.sales');
  });
});

describe('onboarding decider: submitting', () => {
  it('submission opens round 1 at the sales review and schedules its reminder after 2 working days', () => {
    const decision = given(history([create()])).when(submit()).then([
      { type: 'ApplicationSubmitted', data: { round: 1, by: 'wang', reminderDueAt: '2026-03-04T02:00:00.000Z', at: NOW } },
    ]);
    expect(decision.scheduled).toEqual([
      { key: 'reminder-sales-1', dueAt: '2026-03-04T02:00:00.000Z', command: { type: 'SendStepReminder', data: { step: 'sales', round: 1 } } },
    ]);
    expect(stateAfter([...history([create()]), ...decision.events])).toBe('review.sales');
  });

  it('R-ONB-1: refuses submission without the tax registration and organisation code certificates', () => {
    const form = aForm({ identifiers: SEPARATE_IDS, documents: SEPARATE_DOCS.slice(0, 1) });
    given(history([create(form)])).when(submit()).thenThrows(DomainRuleViolation, /R-ONB-1: the tax registration certificate is missing/);
  });

  it('R-ONB-1: refuses submission of a unified-code application without its business licence', () => {
    given(history([create(aForm({ documents: [] }))])).when(submit()).thenThrows(DomainRuleViolation, /R-ONB-1.*business licence/);
  });

  it('R-ONB-2: refuses a certificate that expired before the submission day (China date)', () => {
    const documents = [{ kind: 'business_licence' as const, number: CREDIT_CODE, validFrom: '2016-01-01', validUntil: '2026-03-01' }];
    given(history([create(aForm({ documents }))])).when(submit()).thenThrows(DomainRuleViolation, /R-ONB-2.*expired on 2026-03-01/);
    // 2026-03-01T16:30Z is already 2 March in Shanghai
    given(history([create(aForm({ documents }))])).when(submit(manager, '2026-03-01T16:30:00.000Z')).thenThrows(DomainRuleViolation, 'R-ONB-2');
    given(history([create(aForm({ documents }))])).when(submit(manager, '2026-03-01T15:30:00.000Z')).thenMatches([{ type: 'ApplicationSubmitted' }]);
  });

  it('R-ONB-2: refuses a business licence whose number is not the credit code', () => {
    const documents = [{ kind: 'business_licence' as const, number: OTHER_CREDIT_CODE, validFrom: '2016-01-01', validUntil: '2036-01-01' }];
    given(history([create(aForm({ documents }))])).when(submit()).thenThrows(DomainRuleViolation, /R-ONB-2.*does not match/);
  });

  it('ONB-APPLICANT: only the applicant submits', () => {
    given(history([create()])).when(submit(manager2)).thenThrows(NotPermitted, 'ONB-APPLICANT');
  });

  it('R-ONB-3: a submitted application cannot be submitted again', () => {
    given(submitted()).when(submit(manager, LATER)).thenThrows(TransitionNotAllowed);
  });

  it('reminders switched off (0 working days): no reminder deadline', () => {
    const spec = workflowSpec(onboardingWorkflow, servicesFor({ reminderAfterWorkingDays: 0 }));
    const decision = spec.given(history([create()])).when(submit()).thenMatches([{ type: 'ApplicationSubmitted', data: { reminderDueAt: null } }]);
    expect(decision.scheduled).toEqual([]);
  });
});

describe('onboarding decider: withdrawing', () => {
  const withdraw = (actor = manager) => cmd('WithdrawApplication', { reason: '客户暂缓合作' }, actor);

  it.each([
    ['a draft', () => history([create()])],
    ['an application under review', submitted],
  ])('the applicant withdraws %s; withdrawn is final', (_what, events) => {
    const decision = given(events()).when(withdraw()).then([{ type: 'ApplicationWithdrawn', data: { by: 'wang', reason: '客户暂缓合作', at: NOW } }]);
    const after = [...events(), ...decision.events];
    expect(stateAfter(after)).toBe('withdrawn');
    given(after).when(submit()).thenThrows(TransitionNotAllowed);
  });

  it('withdrawal cancels the pending reminder', () => {
    expect(given(submitted()).when(withdraw()).thenMatches([{ type: 'ApplicationWithdrawn' }]).cancelled.map((d) => d.key)).toEqual(['reminder-sales-1']);
  });

  it('ONB-APPLICANT: only the applicant withdraws', () => {
    given(submitted()).when(withdraw(manager2)).thenThrows(NotPermitted, 'ONB-APPLICANT');
  });

  it('R-ONB-3: nothing is withdrawn after the final decision', () => {
    given(approvedHistory()).when(withdraw()).thenThrows(TransitionNotAllowed, 'approved');
  });
});
