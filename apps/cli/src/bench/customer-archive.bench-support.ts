import type { OpenCustomerArchive } from '@crm/customers';

/** A polyolefin distributor's archive as onboarding's last step opens it; `overrides` make the other kinds. */
export function archive(customerId: string, overrides: Partial<OpenCustomerArchive>): OpenCustomerArchive {
  return {
    customerId, applicationId: `app-${customerId}`, name: `宁波基准塑业 ${customerId}`, identifiers: { unifiedSocialCreditCode: '91330200MA2AXXXX0X' },
    invoicing: { bank: '工商银行宁波分行', accountNumber: '3901-1100-0000-1234', address: '宁波市北仑区', telephone: '0574-8888-0000' },
    contacts: [{ name: '陈经理', phone: '13800000000' }], productLine: 'polyolefin', class: { salesObject: 'distributor', salesForm: 'planned' },
    customerManagerId: 'manager', region: '华东',
    documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2030-12-31' }],
    ...overrides,
  };
}

/** R-TIER-6's admission criteria attested by sales, as a distributor's archive without a planned sales form needs them */
export const attest = (criteria: string[]) => ({ checkedBy: 'sales', attestations: criteria.map((criterion) => ({ criterion, evidence: '走访核实' })) });

export const DISTRIBUTOR_ADMISSION = attest(['sound_operation', 'honest', 'well_funded', 'good_reputation']);
