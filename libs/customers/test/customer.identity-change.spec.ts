import { DomainRuleViolation, NotPermitted, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow, type CustomerServices, type IdentityFacts } from '../src';
import { cmd, history, MANAGER, openCommand, OPENED_AT, SALES, SERVICES } from './customer.fixtures';

const SALES2 = { id: 'sales-chen', roles: ['sales_reviewer' as const] };
const T1 = '2026-02-02T02:00:00.000Z';
const OLD = { unifiedSocialCreditCode: '91310000MA1FL0000X' };
const NEW = { unifiedSocialCreditCode: '91310000MA7NEW000X' };
/** the key is the code's organisation segment here; `held` is what the reservation streams say */
const facts = (held: string[]): IdentityFacts => ({ keyOf: (ids) => ids.unifiedSocialCreditCode?.slice(8, 17) ?? null, holds: (key, customerId) => held.includes(`${key}:${customerId}`) });
const withFacts = (held: string[]): CustomerServices => ({ ...SERVICES, identity: facts(held) });

const request = (data: object, actor = MANAGER) => cmd('RequestIdentityChange', { requestId: 'idc-1', reason: '工商变更登记', ...data } as never, actor, T1);
const approve = (actor = SALES) => cmd('ApproveIdentityChange', { requestId: 'idc-1' }, actor, T1);
const requested = (data: object) => history([openCommand(), request(data)]);

describe('R-ARC-1: a renamed or re-registered company keeps its archive (ADR 0024)', () => {
  it('R-ARC-1: a rename is requested with before/after and waits for the sales department', () => {
    workflowSpec(customerWorkflow, SERVICES).given(history([openCommand()])).when(request({ name: '浙江甬兴新材料有限公司' })).then([{
      type: 'IdentityChangeRequested',
      data: { requestId: 'idc-1', changes: { name: { before: '浙江甬兴塑业有限公司', after: '浙江甬兴新材料有限公司' } }, reason: '工商变更登记', requestedBy: 'mgr-li', requestedAt: T1, notify: ['sales'] },
    }]);
  });

  it('R-ARC-1: nothing different, or a second request while one waits, is refused naming the field', () => {
    const spec = workflowSpec(customerWorkflow, SERVICES);
    spec.given(history([openCommand()])).when(request({ name: '浙江甬兴塑业有限公司', identifiers: { ...OLD } })).thenThrows(DomainRuleViolation, 'neither the name nor the identifiers differ');
    spec.given(requested({ name: 'X公司' })).when(cmd('RequestIdentityChange', { requestId: 'idc-2', name: 'Y公司', reason: 'r' }, MANAGER, T1)).thenThrows(DomainRuleViolation, 'already waits');
  });

  it('R-ARC-1: the sales department approves (not the requester); the name changes on the same stream, history kept', () => {
    const spec = workflowSpec(customerWorkflow, SERVICES);
    spec.given(requested({ name: '浙江甬兴新材料有限公司' })).when(approve(MANAGER)).thenThrows(NotPermitted, 'R-ARC-1');
    spec.given(history([openCommand(), request({ name: '新名' }, SALES)])).when(approve(SALES)).thenThrows(DomainRuleViolation, 'someone other than who requested it');
    const events = spec.given(requested({ name: '浙江甬兴新材料有限公司' })).when(approve(SALES2)).thenMatches([{
      type: 'CustomerIdentityChanged',
      data: { changes: { name: { before: '浙江甬兴塑业有限公司', after: '浙江甬兴新材料有限公司' } }, identityKey: { before: null, after: null }, requestedBy: 'mgr-li', approvedBy: 'sales-chen', notify: ['finance', 'plant_offices'] },
    }]).events;
    expect(events).toHaveLength(1);
  });

  it('R-ARC-1 / ONB-DUPLICATE: a credit-code change moving the company key is approved only once the new key is reserved for this customer', () => {
    const given = requested({ identifiers: NEW });
    workflowSpec(customerWorkflow, SERVICES).given(given).when(approve()).thenThrows(DomainRuleViolation, 'through the service');
    workflowSpec(customerWorkflow, withFacts([])).given(given).when(approve()).thenThrows(DomainRuleViolation, 'ONB-DUPLICATE');
    workflowSpec(customerWorkflow, withFacts(['MA7NEW000:c-1'])).given(given).when(approve()).thenMatches([{
      type: 'CustomerIdentityChanged', data: { changes: { identifiers: { before: OLD, after: NEW } }, identityKey: { before: 'MA1FL0000', after: 'MA7NEW000' } },
    }]);
  });

  it('R-ARC-1: a rejected request changes nothing and tells its requester', () => {
    workflowSpec(customerWorkflow, SERVICES).given(requested({ name: '新名' })).when(cmd('RejectIdentityChange', { requestId: 'idc-1', comment: '缺营业执照' }, SALES, T1)).thenMatches([
      { type: 'IdentityChangeRejected', data: { requestedBy: 'mgr-li', rejectedBy: 'sales-wang', notifyUsers: ['mgr-li'] } },
    ]);
  });

  it('R-ARC-1/R-ARC-4: an archive change adds a document with its own id and expiry watch; an id on file is refused', () => {
    const doc = { documentId: 'doc-permit', kind: 'hazardous_chemicals_permit', number: 'WH-2026-01', validFrom: '2026-01-01', validUntil: '2029-12-31', reason: '取得危化品经营许可证' };
    const spec = workflowSpec(customerWorkflow, SERVICES);
    spec.given(history([openCommand()])).when(cmd('AddQualificationDocument', doc, MANAGER, OPENED_AT)).thenMatches([
      { type: 'QualificationDocumentAdded', data: { documentId: 'doc-permit', warnAt: '2029-11-30T16:00:00.000Z', addedBy: 'mgr-li', notify: ['finance', 'plant_offices'] } },
    ]);
    spec.given(history([openCommand()])).when(cmd('AddQualificationDocument', { ...doc, documentId: 'doc-licence' }, MANAGER, OPENED_AT)).thenThrows(DomainRuleViolation, 'renew it instead');
    spec.given(history([openCommand()])).when(cmd('AddQualificationDocument', { ...doc, validUntil: '2025-12-31', validFrom: '2025-01-01' }, MANAGER, OPENED_AT)).thenThrows(DomainRuleViolation, 'expired');
    const added = history([openCommand(), cmd('AddQualificationDocument', doc, MANAGER, OPENED_AT)]);
    spec.given(added).when(cmd('RenewQualificationDocument', { documentId: 'doc-permit', number: 'WH-2029', validFrom: '2029-12-01', validUntil: '2032-12-31' }, MANAGER, OPENED_AT)).thenMatches([{ type: 'QualificationDocumentRenewed' }]);
  });
});
