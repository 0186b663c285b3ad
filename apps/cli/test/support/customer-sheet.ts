import { creditCodeCheckChar, organisationCodeCheckChar } from '@crm/onboarding';
import { Workbook } from 'exceljs';
// the template's own headers, so the tests fill exactly what operators get
// eslint-disable-next-line @nx/enforce-module-boundaries
import { templateHeaders } from '../../../api/src/customers/customer-import/customer-import.columns';

export type SheetRow = Record<string, string | Date | number | null>;

/** A well-formed Unified Social Credit Code for test company `n` (organisation code 6000000n + check). */
export function creditCode(n: number): string {
  const body8 = String(60_000_000 + n);
  const body17 = `91330100${body8}${organisationCodeCheckChar(body8)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}
export const organisationCode = (n: number) => creditCode(n).slice(8, 17);

/** A complete row for company `n`: a planned polyolefin distributor, or a direct other-chemicals customer with its admission evidence. */
export function customerRow(n: number, line: 'polyolefin' | 'other_chemicals', overrides: SheetRow = {}): SheetRow {
  const code = creditCode(n);
  const common: SheetRow = {
    公司名称: `宁波迁移${n}号化工有限公司`, 统一社会信用代码: code, 客户经理: n % 2 === 0 ? 'manager' : 'manager2', 区域: '华东',
    开户银行: '中国工商银行宁波分行', 银行账号: `390110000900${String(n).padStart(7, '0')}`, 开票地址: '浙江省宁波市镇海区炼化路1号', 开票电话: '0574-86201234',
    联系人1姓名: '钱采购', 联系人1电话: '13900139000', 联系人1职务: '采购部经理',
    证照1类型: '营业执照', 证照1编号: code, 证照1起始日期: new Date('2021-01-01T00:00:00.000Z'), 证照1有效期至: new Date('2035-12-31T00:00:00.000Z'),
    证照2类型: '危险化学品经营许可证', 证照2编号: `浙甬安经字〔2024〕${n}`, 证照2起始日期: '2024-03-01', 证照2有效期至: '2027/2/28',
  };
  const byLine: SheetRow =
    line === 'polyolefin'
      ? { 产品线: '聚烯烃', 销售对象: '经销商', 销售形式: '计划销售', 客户等级: '普通客户' }
      : { 产品线: '其他化工', 销售对象: '直销客户', 准入审核人: 'sales', '准入依据：具有一定规模的生产企业': '年产能20万吨', '准入依据：资金与信誉良好': '银行资信证明' };
  return { ...common, ...byLine, ...overrides };
}

/** The rows under the template's header, on the first sheet, as exceljs writes a workbook. */
export async function workbookOf(rows: readonly SheetRow[], headers = templateHeaders()): Promise<Buffer> {
  const book = new Workbook();
  const sheet = book.addWorksheet('客户档案');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
