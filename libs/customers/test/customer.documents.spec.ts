import { DomainRuleViolation, NotPermitted, replayEvents, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow } from '../src';
import { cmd, history, licence, MANAGER, openCommand, opened, pickup, SCHEDULER, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const docRef = { documentId: 'doc-licence', validUntil: '2026-06-30' };
const warn = (now: string) => cmd('WarnDocumentExpiry', docRef, SCHEDULER, now);
const expire = (now: string) => cmd('ExpireDocument', docRef, SCHEDULER, now);
/** start of 2026-07-01 in Shanghai */
const EXPIRY = '2026-06-30T16:00:00.000Z';
const renew = (validUntil: string, now: string) =>
  cmd('RenewQualificationDocument', { documentId: 'doc-licence', number: '91310000MA1FL0000X', validFrom: '2026-06-20', validUntil }, MANAGER, now);
const suspended = () => history([openCommand(), expire(EXPIRY)]);

describe('qualification documents (R-ARC-4, R-EVAL-1)', () => {
  it('R-ARC-4: opening schedules a warning 30 days before validUntil and the expiry at the start of the next Shanghai day', () => {
    given([]).when(openCommand()).thenSchedules([
      { key: 'document-warning:doc-licence', dueAt: '2026-05-30T16:00:00.000Z', command: { type: 'WarnDocumentExpiry', data: docRef } },
      { key: 'document-expiry:doc-licence', dueAt: EXPIRY, command: { type: 'ExpireDocument', data: docRef } },
      { key: 'month-evaluation:2026-01' },
    ]);
  });

  it('R-ARC-4: the warning lead time is configurable through the services', () => {
    const decision = workflowSpec(customerWorkflow, { documentWarningDays: 10 }).given([]).when(openCommand()).thenMatches([{ type: 'CustomerArchiveOpened' }]);
    expect(decision.scheduled.find((d) => d.key === 'document-warning:doc-licence')?.dueAt).toBe('2026-06-19T16:00:00.000Z');
  });

  it('R-ARC-4: the warning tells the customer manager how many days are left, once', () => {
    const decision = given(opened()).when(warn('2026-05-30T16:00:05.000Z')).then([
      { type: 'DocumentExpiryWarned', data: { documentId: 'doc-licence', kind: 'business_licence', validUntil: '2026-06-30', daysLeft: 30, customerManagerId: 'mgr-li', warnedAt: '2026-05-30T16:00:05.000Z', notify: ['customer_manager'] } },
    ]);
    expect(decision.cancelled.map((d) => d.key)).toEqual(['document-warning:doc-licence']);
    const warned = history([openCommand(), warn('2026-05-30T16:00:05.000Z')]);
    given(warned).when(warn('2026-05-30T16:00:06.000Z')).then([]);
  });

  it('R-ARC-4: a warning cannot be issued by a person nor before it is due', () => {
    given(opened()).when(cmd('WarnDocumentExpiry', docRef, MANAGER, '2026-06-01T00:00:00.000Z')).thenThrows(NotPermitted);
    given(opened()).when(warn('2026-05-01T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-ARC-4');
  });

  it('R-EVAL-1: at expiry the document expires and the customer is suspended', () => {
    given(opened()).when(expire(EXPIRY)).then([
      { type: 'QualificationExpired', data: { documentId: 'doc-licence', kind: 'business_licence', validUntil: '2026-06-30', expiredAt: EXPIRY } },
      { type: 'CustomerSuspended', data: { reason: 'R-EVAL-1', documentIds: ['doc-licence'], suspendedAt: EXPIRY, notify: ['finance', 'plant_offices'] } },
    ]);
    expect(stateOf(suspended()).value).toEqual({ open: 'suspended' });
  });

  it('R-EVAL-1: the document is valid through its last day (no expiry before the day is over)', () => {
    given(opened()).when(expire('2026-06-30T15:59:59.000Z')).thenThrows(DomainRuleViolation, 'R-EVAL-1');
  });

  it('R-EVAL-1: while suspended, pickups are refused with the rule id', () => {
    given(suspended()).when(pickup('p-1', '2026-07-02', 30)).thenThrows(DomainRuleViolation, /R-EVAL-1.*doc-licence/);
  });

  it('R-EVAL-1: the machine itself refuses a pickup event while suspended', () => {
    const event = { type: 'PickupRecorded', data: { pickupId: 'p', date: '2026-07-02', product: 'x', tonnes: 1, warehouse: 'w', recordedBy: 'm', recordedAt: EXPIRY } };
    const snapshot = replayEvents(customerWorkflow, suspended());
    expect(snapshot.can(event as never)).toBe(false);
  });

  it('R-EVAL-1: renewing the expired document reinstates the customer and re-arms its timers', () => {
    const decision = given(suspended()).when(renew('2029-06-30', '2026-07-03T02:00:00.000Z')).thenMatches([
      { type: 'QualificationDocumentRenewed', data: { documentId: 'doc-licence', validUntil: '2029-06-30', previous: { validUntil: '2026-06-30' }, notify: ['finance', 'plant_offices'] } },
      { type: 'CustomerReinstated', data: { reason: 'R-EVAL-1', reinstatedAt: '2026-07-03T02:00:00.000Z' } },
    ]);
    expect(decision.scheduled.map((d) => `${d.key}@${d.dueAt}`)).toEqual([
      'document-warning:doc-licence@2029-05-30T16:00:00.000Z',
      'document-expiry:doc-licence@2029-06-30T16:00:00.000Z',
    ]);
  });

  it('R-EVAL-1: business resumes after reinstatement', () => {
    const events = history([openCommand(), expire(EXPIRY), renew('2029-06-30', '2026-07-03T02:00:00.000Z')]);
    given(events).when(pickup('p-1', '2026-07-03', 30)).thenMatches([{ type: 'PickupRecorded' }]);
  });

  it('R-EVAL-1: with two expired documents, renewing one keeps the suspension', () => {
    const permit = { documentId: 'doc-permit', kind: 'hazardous_chemicals_permit', number: 'HC-1', validFrom: '2025-01-01', validUntil: '2026-06-30' };
    const events = history([openCommand({ documents: [licence, permit] }), expire(EXPIRY), cmd('ExpireDocument', { documentId: 'doc-permit', validUntil: '2026-06-30' }, SCHEDULER, EXPIRY)]);
    expect(events.map((e) => e.type)).toEqual(['CustomerArchiveOpened', 'QualificationExpired', 'CustomerSuspended', 'QualificationExpired']);
    given(events).when(renew('2029-06-30', '2026-07-03T02:00:00.000Z')).thenMatches([{ type: 'QualificationDocumentRenewed' }]);
  });

  it('R-ARC-4: a renewal before expiry cancels the old timers, and a stale timer firing does nothing', () => {
    const renewed = history([openCommand(), renew('2029-06-30', '2026-06-01T02:00:00.000Z')]);
    given(renewed).when(expire(EXPIRY)).then([]);
    given(opened()).when(renew('2026-06-30', '2026-06-01T02:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-ARC-4');
  });

  it('R-ARC-4: renewing an unknown document is refused', () => {
    given(opened()).when(cmd('RenewQualificationDocument', { documentId: 'nope', number: 'n', validFrom: '2026-01-01', validUntil: '2030-01-01' }, MANAGER, '2026-02-01T00:00:00.000Z'))
      .thenThrows(DomainRuleViolation, 'R-ARC-4');
  });
});
