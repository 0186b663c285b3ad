import { customerEventSchemas, customerWorkflow, type OpenCustomerArchive } from '../src';
import { cmd, evaluate, FINANCE, GM, history, MANAGER, openCommand, pickup, SALES, SCHEDULER } from './customer.fixtures';

const agent: Partial<OpenCustomerArchive> = {
  productLine: 'other_chemicals',
  class: { salesObject: 'exclusive_agent', salesForm: null },
  admission: { checkedBy: 's', attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: 'ok' })) },
};

describe('customer workflow definition', () => {
  it('is named customer v1 on streams customer-<id>, created only by OpenCustomerArchive', () => {
    expect(customerWorkflow).toMatchObject({ name: 'customer', version: '1', streamPrefix: 'customer', creationCommands: ['OpenCustomerArchive'] });
  });

  it('every event the decider produces satisfies its declared schema (event catalogue)', () => {
    const polyolefin = history([
      openCommand({ class: { salesObject: 'distributor', salesForm: 'planned' } }),
      cmd('ChangeCustomerInformation', { changes: { contacts: [{ name: '王' }] }, reason: '换联系人' }, MANAGER, '2026-01-16T00:00:00.000Z'),
      pickup('p-1', '2026-01-20', 1200),
      pickup('p-0', '2026-02-20', 1200),
      evaluate('2026-01', '2026-02-01T00:00:00.000Z'),
      cmd('HoldGradeMove', { month: '2026-01', indicator: 'complaints', reason: '投诉' }, SALES, '2026-02-01T01:00:00.000Z'),
      cmd('VoidPickup', { pickupId: 'p-0', reason: 'r' }, MANAGER, '2026-02-21T00:00:00.000Z'),
      cmd('RecordReceipt', { receiptId: 'r-1', productLine: 'polyolefin', amount: 100000, receivedOn: '2026-01-19', reference: '工行回单 001' }, FINANCE, '2026-01-19T08:00:00.000Z'),
      evaluate('2026-02', '2026-03-01T00:00:00.000Z'),
      cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 800, reason: 'r' }, MANAGER, '2026-03-02T00:00:00.000Z'),
      cmd('VoidPickup', { pickupId: 'p-1', reason: 'r' }, MANAGER, '2026-03-02T00:00:00.000Z'),
      evaluate('2026-03', '2026-04-01T00:00:00.000Z'),
      pickup('p-4', '2026-04-20', 1200),
      evaluate('2026-04', '2026-05-01T00:00:00.000Z'),
      cmd('ConfirmGradeMove', { month: '2026-04', indicator: 'cooperation', reason: '配合' }, SALES, '2026-05-01T01:00:00.000Z'),
      cmd('FileRenewalProof', { documentId: 'doc-licence', proofId: 'pr-1', description: '回执', expectedBy: '2026-07-10' }, MANAGER, '2026-05-02T00:00:00.000Z'),
      cmd('RejectRenewalProof', { documentId: 'doc-licence', comment: '不符' }, SALES, '2026-05-03T00:00:00.000Z'),
      cmd('FileRenewalProof', { documentId: 'doc-licence', proofId: 'pr-2', description: '回执', expectedBy: '2026-07-10' }, MANAGER, '2026-05-04T00:00:00.000Z'),
      cmd('ApproveRenewalProof', { documentId: 'doc-licence' }, SALES, '2026-05-05T00:00:00.000Z'),
      cmd('WarnDocumentExpiry', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER, '2026-06-01T00:00:00.000Z'),
      cmd('ExpireDocument', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER, '2026-07-01T00:00:00.000Z'),
      evaluate('2026-06', '2026-07-01T00:00:00.000Z'),
      cmd('EndRenewalGrace', { documentId: 'doc-licence', graceUntil: '2026-07-10' }, SCHEDULER, '2026-07-11T00:00:00.000Z'),
      cmd('RenewQualificationDocument', { documentId: 'doc-licence', number: 'n', validFrom: '2026-07-01', validUntil: '2030-06-30' }, MANAGER, '2026-07-12T00:00:00.000Z'),
      cmd('ProposeDisqualification', { reason: 'fraud_or_bad_faith', evidence: ['e'] }, SALES, '2026-07-13T00:00:00.000Z'),
      cmd('RejectDisqualification', { comment: 'no' }, GM, '2026-07-14T00:00:00.000Z'),
      cmd('ProposeDisqualification', { reason: 'fraud_or_bad_faith', evidence: ['e2'] }, SALES, '2026-07-15T00:00:00.000Z'),
      cmd('ApproveDisqualification', {}, GM, '2026-07-16T00:00:00.000Z'),
    ]);
    const chemicals = history([
      openCommand(agent),
      cmd('FileSalesPlan', { month: '2026-02', lines: [{ customer: 'x', quantity: 10, pickupWindow: { from: '2026-02-01', to: '2026-02-05' } }] }, MANAGER, '2026-01-20T00:00:00.000Z'),
      cmd('IssueAgencyLicence', { year: 2026, licenceNumber: 'L1' }, SALES, '2026-01-20T00:00:00.000Z'),
      // R-ARC-1 (ADR 0024): a rename requested, rejected, requested again and approved; a document added
      cmd('RequestIdentityChange', { requestId: 'idc-1', name: '新名称有限公司', reason: '更名' }, MANAGER, '2026-01-20T00:00:00.000Z'),
      cmd('RejectIdentityChange', { requestId: 'idc-1', comment: '缺证明' }, SALES, '2026-01-20T00:00:00.000Z'),
      cmd('RequestIdentityChange', { requestId: 'idc-2', name: '新名称有限公司', reason: '更名' }, MANAGER, '2026-01-20T00:00:00.000Z'),
      cmd('ApproveIdentityChange', { requestId: 'idc-2' }, SALES, '2026-01-20T00:00:00.000Z'),
      cmd('AddQualificationDocument', { documentId: 'doc-2', kind: 'permit', number: 'P-1', validFrom: '2026-01-01', validUntil: '2028-01-01', reason: '新证' }, MANAGER, '2026-01-20T00:00:00.000Z'),
      pickup('a-1', '2026-01-21', 5),
      cmd('CheckSalesPlan', { month: '2026-03' }, SCHEDULER, '2026-02-26T00:00:00.000Z'),
      cmd('ExpireAgencyLicence', { year: 2026 }, SCHEDULER, '2027-01-01T00:00:00.000Z'),
    ]);
    const events = [...polyolefin, ...chemicals];
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual(Object.keys(customerEventSchemas).sort());
    for (const event of events) {
      const schema = customerEventSchemas[event.type as keyof typeof customerEventSchemas];
      expect({ type: event.type, issues: schema.safeParse(event.data).error?.issues ?? [] }).toEqual({ type: event.type, issues: [] });
    }
  });
});
