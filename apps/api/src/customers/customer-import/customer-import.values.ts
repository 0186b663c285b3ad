import type { Grade, ProductLine, SalesForm, SalesObject } from '@crm/customers';

/** Cell words → codes: the Chinese on the company's forms, the console's labels and the codes themselves. */
const vocabulary = <T extends string>(words: Record<string, T>) => {
  const map = new Map(Object.entries(words).map(([word, code]) => [word.toLowerCase(), code]));
  for (const code of new Set(Object.values(words))) map.set(code.toLowerCase(), code);
  return (cell: string): T | undefined => map.get(cell.trim().replace(/\s+/g, '').toLowerCase());
};

export const productLineOf = vocabulary<ProductLine>({ 聚烯烃: 'polyolefin', 其他化工: 'other_chemicals', 其他化工产品: 'other_chemicals', 化工: 'other_chemicals' });
export const salesObjectOf = vocabulary<SalesObject>({ 经销商: 'distributor', 经销: 'distributor', 直销: 'direct', 直销客户: 'direct', 独家代理: 'exclusive_agent', 独家代理商: 'exclusive_agent' });
export const salesFormOf = vocabulary<SalesForm>({ 网上竞价: 'online_auction', 网拍: 'online_auction', 网上竞拍: 'online_auction', 计划: 'planned', 计划销售: 'planned' });
export const gradeOf = vocabulary<Grade>({
  网上竞价客户: 'online_auction', 网拍客户: 'online_auction', 新开发客户: 'online_auction', 普通: 'ordinary', 普通客户: 'ordinary',
  一星: 'one_star', 一星级: 'one_star', 一星客户: 'one_star', 二星: 'two_star', 二星级: 'two_star', 二星客户: 'two_star',
  三星: 'three_star', 三星级: 'three_star', 三星客户: 'three_star',
});
/** Onboarding's document kinds; any other name (危险化学品经营许可证 …) is kept as written. */
export const documentKindOf = vocabulary<string>({
  营业执照: 'business_licence', 税务登记证: 'tax_registration', 组织机构代码证: 'organisation_code', 其他: 'other', 其他证件: 'other',
});

export const GRADE_ZH: Readonly<Record<Grade, string>> = {
  online_auction: '网上竞价客户', ordinary: '普通客户', one_star: '一星客户', two_star: '二星客户', three_star: '三星客户',
};
export const LINE_ZH: Readonly<Record<ProductLine, string>> = { polyolefin: '聚烯烃', other_chemicals: '其他化工' };
export const OBJECT_ZH: Readonly<Record<SalesObject, string>> = { distributor: '经销商', direct: '直销客户', exclusive_agent: '独家代理' };

/** 2026-03-05, 2026/3/5, 2026-3-5, 2026.3.5 and 2026年3月5日 (a date cell reads as YYYY-MM-DD) → YYYY-MM-DD, or null. */
export function dateOf(cell: string): string | null {
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/.exec(cell.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}
