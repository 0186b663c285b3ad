import { DomainRuleViolation, NotPermitted, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow } from '../src';
import { cmd, history, MANAGER, openCommand, pickup, SALES, SCHEDULER, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const docRef = { documentId: 'doc-licence', validUntil: '2026-06-30' };
const expire = (now: string) => cmd('ExpireDocument', docRef, SCHEDULER, now);
/** start of 2026-07-01 in Shanghai: the licence (valid to 30 June) expires */
const EXPIRY = '2026-06-30T16:00:00.000Z';
const file = { sha256: 'a'.repeat(64), name: '换证受理回执.pdf', mediaType: 'application/pdf', size: 1024 } as const;
const fileProof = (expectedBy: string, now = '2026-06-20T02:00:00.000Z') =>
  cmd('FileRenewalProof', { documentId: 'doc-licence', proofId: 'proof-1', description: '市场监管局换证受理回执', expectedBy }, MANAGER, now);
const approve = (now = '2026-06-21T02:00:00.000Z') => cmd('ApproveRenewalProof', { documentId: 'doc-licence' }, SALES, now);
const endGrace = (graceUntil: string, now: string) => cmd('EndRenewalGrace', { documentId: 'doc-licence', graceUntil }, SCHEDULER, now);
const renew = (now: string) => cmd('RenewQualificationDocument', { documentId: 'doc-licence', number: 'n2', validFrom: '2026-07-01', validUntil: '2029-06-30' }, MANAGER, now);
const approved = () => history([openCommand(), fileProof('2026-07-20'), approve()]);

describe('R-EVAL-1 未能按期换证且不能提供相关证明: proof of renewal under way postpones suspension (ADR 0023)', () => {
  it('R-EVAL-1: a manager files proof (with its scan) and the sales department is asked to approve it', () => {
    const withFile = cmd('FileRenewalProof', { documentId: 'doc-licence', proofId: 'proof-1', description: '受理回执', expectedBy: '2026-07-20', file }, MANAGER, '2026-06-20T02:00:00.000Z');
    const decision = given(history([openCommand()])).when(withFile).then([
      { type: 'RenewalProofFiled', data: { documentId: 'doc-licence', proofId: 'proof-1', description: '受理回执', expectedBy: '2026-07-20', file, maxGraceDays: 30, filedBy: 'mgr-li', filedAt: '2026-06-20T02:00:00.000Z' } },
    ]);
    expect(customerWorkflow.filesOf?.(withFile, { state: 'open.active', context: decision.after.context, done: false, revision: 0 } as never)).toEqual([{ file, field: 'file' }]);
    const open = customerWorkflow.tasks?.find((t) => t.type === 'customer.renewal-proof');
    const state = { state: 'open.active', context: decision.after.context, done: false, revision: 1 } as never;
    expect({ open: open?.openWhen?.(state), keys: open?.keysOf?.(state), holders: open?.holders(state, 'doc-licence') }).toEqual({
      open: true, keys: ['doc-licence'], holders: { roles: ['sales_reviewer'], assignee: null, excluded: ['mgr-li'] },
    });
  });

  it('R-EVAL-1: the postponement is bounded: at most the configured days past validUntil', () => {
    given(history([openCommand()])).when(fileProof('2026-07-31')).thenThrows(DomainRuleViolation, /R-EVAL-1.*at most 30 days/);
    workflowSpec(customerWorkflow, { ...SERVICES, renewalGraceMaxDays: 45 }).given(history([openCommand()])).when(fileProof('2026-08-14')).thenMatches([{ type: 'RenewalProofFiled', data: { maxGraceDays: 45 } }]);
    given(history([openCommand()])).when(fileProof('2026-06-25')).thenThrows(DomainRuleViolation, /nothing to postpone/);
  });

  it('R-EVAL-1: only the sales department approves, never the person who filed it', () => {
    const filed = history([openCommand(), fileProof('2026-07-20')]);
    given(filed).when(cmd('ApproveRenewalProof', { documentId: 'doc-licence' }, MANAGER, '2026-06-21T02:00:00.000Z')).thenThrows(NotPermitted, 'R-EVAL-1');
    const bySelf = history([openCommand(), cmd('FileRenewalProof', { documentId: 'doc-licence', proofId: 'p', description: 'd', expectedBy: '2026-07-20' }, SALES, '2026-06-20T02:00:00.000Z')]);
    given(bySelf).when(approve()).thenThrows(DomainRuleViolation, /other than who filed/);
  });

  it('R-EVAL-1: with an approved proof the expiry is recorded but business goes on until the grace ends', () => {
    const decision = given(approved()).when(expire(EXPIRY)).then([
      { type: 'QualificationExpired', data: { documentId: 'doc-licence', kind: 'business_licence', validUntil: '2026-06-30', expiredAt: EXPIRY, suspensionPostponedUntil: '2026-07-20' } },
    ]);
    expect(decision.after.value).toEqual({ open: 'active' });
    expect(decision.scheduled).toEqual(expect.arrayContaining([{ key: 'renewal-grace:doc-licence', dueAt: '2026-07-20T16:00:00.000Z', command: { type: 'EndRenewalGrace', data: { documentId: 'doc-licence', graceUntil: '2026-07-20' } } }]));
    given(history([openCommand(), fileProof('2026-07-20'), approve(), expire(EXPIRY)])).when(pickup('p-1', '2026-07-05', 10)).thenMatches([{ type: 'PickupRecorded' }]);
  });

  it('R-EVAL-1: at the end of the grace a document still expired suspends business; a renewal before it cancels the timer', () => {
    const inGrace = history([openCommand(), fileProof('2026-07-20'), approve(), expire(EXPIRY)]);
    given(inGrace).when(endGrace('2026-07-20', '2026-07-19T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-EVAL-1');
    given(inGrace).when(endGrace('2026-07-20', '2026-07-20T16:00:00.000Z')).then([
      { type: 'CustomerSuspended', data: { reason: 'R-EVAL-1', documentIds: ['doc-licence'], suspendedAt: '2026-07-20T16:00:00.000Z', notify: ['finance', 'plant_offices'] } },
    ]);
    const renewed = given(inGrace).when(renew('2026-07-10T02:00:00.000Z')).thenMatches([{ type: 'QualificationDocumentRenewed' }]);
    expect(renewed.cancelled.map((d) => d.key)).toContain('renewal-grace:doc-licence');
    given(history([openCommand(), fileProof('2026-07-20'), approve(), expire(EXPIRY), renew('2026-07-10T02:00:00.000Z')])).when(endGrace('2026-07-20', '2026-07-20T16:00:00.000Z')).then([]);
  });

  it('R-EVAL-1: approving a proof for a customer already suspended reinstates it until the grace ends', () => {
    const late = history([openCommand(), expire(EXPIRY), fileProof('2026-07-20', '2026-07-02T02:00:00.000Z')]);
    expect(stateOf(late).value).toEqual({ open: 'suspended' });
    given(late).when(approve('2026-07-03T02:00:00.000Z')).thenMatches([
      { type: 'RenewalProofApproved', data: { graceUntil: '2026-07-20', notify: ['customer_manager'] } },
      { type: 'CustomerReinstated', data: { reason: 'R-EVAL-1' } },
    ]);
  });

  it('R-EVAL-1: a rejected proof leaves suspension on schedule and tells the manager', () => {
    const filed = history([openCommand(), fileProof('2026-07-20')]);
    given(filed).when(cmd('RejectRenewalProof', { documentId: 'doc-licence', comment: '回执与证照不符' }, SALES, '2026-06-21T02:00:00.000Z')).thenMatches([
      { type: 'RenewalProofRejected', data: { comment: '回执与证照不符', notify: ['customer_manager'], customerManagerId: 'mgr-li' } },
    ]);
    const rejected = history([openCommand(), fileProof('2026-07-20'), cmd('RejectRenewalProof', { documentId: 'doc-licence', comment: 'x' }, SALES, '2026-06-21T02:00:00.000Z')]);
    given(rejected).when(expire(EXPIRY)).thenMatches([{ type: 'QualificationExpired' }, { type: 'CustomerSuspended' }]);
  });

  it('R-EVAL-1: a pickup back-dated into a suspended period is refused after reinstatement; the reinstatement day is open', () => {
    const reinstated = history([openCommand(), expire(EXPIRY), renew('2026-07-05T02:00:00.000Z')]);
    given(reinstated).when(pickup('p-1', '2026-07-03', 10, '2026-07-06T02:00:00.000Z')).thenThrows(DomainRuleViolation, /R-EVAL-1.*suspended on 2026-07-03/);
    given(reinstated).when(pickup('p-1', '2026-07-01', 10, '2026-07-06T02:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-EVAL-1');
    given(reinstated).when(pickup('p-1', '2026-06-30', 10, '2026-07-06T02:00:00.000Z')).thenMatches([{ type: 'PickupRecorded' }]);
    given(reinstated).when(pickup('p-1', '2026-07-05', 10, '2026-07-06T02:00:00.000Z')).thenMatches([{ type: 'PickupRecorded' }]);
  });
});
