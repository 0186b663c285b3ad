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
      cmd('RecordReceipt', { receiptId: 'r-1', productLine: 'polyolefin', amount: 100000, receivedOn: '2026-01-19', reference: '工行回单 001' }, FINANCE, '2026-01-19T08:00:00.000Z'),
      evaluate('2026-02', '2026-03-01T00:00:00.000Z'),
      cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 800, reason: 'r' }, MANAGER, '2026-03-02T00:00:00.000Z'),
      cmd('VoidPickup', { pickupId: 'p-1', reason: 'r' }, MANAGER, '2026-03-02T00:00:00.000Z'),
      evaluate('2026-03', '2026-04-01T00:00:00.000Z'),
      cmd('WarnDocumentExpiry', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER, '2026-06-01T00:00:00.000Z'),
      cmd('ExpireDocument', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER, '2026-07-01T00:00:00.000Z'),
      cmd('RenewQualificationDocument', { documentId: 'doc-licence', number: 'n', validFrom: '2026-07-01', validUntil: '2030-06-30' }, MANAGER, '2026-07-02T00:00:00.000Z'),
      cmd('ProposeDisqualification', { reason: 'fraud_or_bad_faith', evidence: ['e'] }, SALES, '2026-07-03T00:00:00.000Z'),
      cmd('RejectDisqualification', { comment: 'no' }, GM, '2026-07-04T00:00:00.000Z'),
      cmd('ProposeDisqualification', { reason: 'fraud_or_bad_faith', evidence: ['e2'] }, SALES, '2026-07-05T00:00:00.000Z'),
      cmd('ApproveDisqualification', {}, GM, '2026-07-06T00:00:00.000Z'),
    ]);
    const chemicals = history([
      openCommand(agent),
      cmd('FileSalesPlan', { month: '2026-02', lines: [{ customer: 'x', quantity: 10, pickupWindow: { from: '2026-02-01', to: '2026-02-05' } }] }, MANAGER, '2026-01-20T00:00:00.000Z'),
      cmd('IssueAgencyLicence', { year: 2026, licenceNumber: 'L1' }, SALES, '2026-01-20T00:00:00.000Z'),
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
