import { creditCodeCheckChar, organisationCodeCheckChar } from '@crm/onboarding';

/** A well-formed Unified Social Credit Code for test company `n` (organisation code 5000000n + check). */
export function creditCode(n: number): string {
  const body8 = String(50_000_000 + n);
  const body17 = `91330100${body8}${organisationCodeCheckChar(body8)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

const valid = { validFrom: '2024-01-01', validUntil: '2030-12-31' };

/** A complete polyolefin online-auction distributor's form (R-ONB-1), managed by `customerManagerId`. */
export function applicationForm(n: number, customerManagerId = 'manager', overrides: Record<string, unknown> = {}) {
  const code = creditCode(n);
  return {
    companyName: `宁波测试${n}号化工有限公司`,
    identifiers: { kind: 'unified', creditCode: code },
    invoicing: { bank: '中国工商银行宁波分行', accountNumber: '3901100009000123456', postalAddress: '浙江省宁波市镇海区炼化路1号', telephone: '0574-86201234' },
    contacts: [{ name: '钱采购', telephone: '13900139000', position: '采购部经理', email: 'qian@example.com' }],
    productLine: 'polyolefin',
    customerClass: { salesObject: 'distributor', salesForm: 'online_auction' },
    region: '华东',
    customerManagerId,
    documents: [{ kind: 'business_licence', number: code, ...valid, fileName: 'licence.pdf' }],
    ...overrides,
  };
}

export const FINANCE_CHECKED = { taxRegistration: true, invoicingData: true };
