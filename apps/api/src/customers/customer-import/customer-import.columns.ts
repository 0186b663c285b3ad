import type { AdmissionCriterion } from '@crm/customers';

/**
 * The customer archive import template (客户档案导入模板): one row per customer registration (a
 * company and one product line, ADR 0020). Headers are Chinese as on the company's forms; the
 * English names are accepted too. Contacts and documents repeat in numbered groups (联系人1…,
 * 证照1…), as many as a row needs.
 */
export interface ImportColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  required: string;
  values: string;
  example: string;
}

const column = (key: string, header: string, aliases: string[], required: string, values: string, example: string): ImportColumn => ({
  key, header, aliases, required, values, example,
});

export const SINGLE_COLUMNS: readonly ImportColumn[] = [
  column('companyName', '公司名称', ['客户名称', 'companyName', 'name'], '必填', '营业执照上的中文名称', '宁波甬兴塑业有限公司'),
  column('creditCode', '统一社会信用代码', ['creditCode'], '二选一', '18 位，含校验位', '91330200MA2AXXXX0X'),
  column('organisationCode', '组织机构代码', ['organisationCode'], '二选一', '无统一代码的老企业：与营业执照注册号、税务登记号一起填写', '12345678-9'),
  column('businessLicenceNo', '营业执照注册号', ['businessLicenceNo'], '同上', '15 位', ''),
  column('taxRegistrationNo', '税务登记号', ['taxRegistrationNo'], '同上', '行政区划代码 + 组织机构代码', ''),
  column('productLine', '产品线', ['productLine'], '必填', '聚烯烃 / 其他化工', '聚烯烃'),
  column('salesObject', '销售对象', ['salesObject'], '必填', '聚烯烃：经销商 / 直销；其他化工：直销 / 独家代理 / 经销商', '经销商'),
  column('salesForm', '销售形式', ['salesForm'], '聚烯烃必填', '网上竞价 / 计划销售（其他化工留空）', '计划销售'),
  column('grade', '客户等级', ['grade'], '可空', '留空按类别定级；填写时须与类别的起始等级一致（网上竞价客户 / 普通客户）', '普通客户'),
  column('customerManagerId', '客户经理', ['customerManager', 'customerManagerId'], '必填', '系统用户名，须为在职客户经理', 'manager'),
  column('region', '区域', ['region'], '必填', '销售区域', '华东'),
  column('bank', '开户银行', ['bank'], '必填', '开票资料', '中国工商银行宁波分行'),
  column('accountNumber', '银行账号', ['accountNumber'], '必填', '数字，可含空格或横线', '3901100009000123456'),
  column('postalAddress', '开票地址', ['通讯地址', 'postalAddress'], '必填', '开票资料', '浙江省宁波市镇海区炼化路1号'),
  column('telephone', '开票电话', ['telephone'], '必填', '开票资料', '0574-86201234'),
];

/** R-TIER-6 准入条件, one evidence column each (the console's wording). */
export const ADMISSION_LABELS: Readonly<Record<AdmissionCriterion, string>> = {
  producer_of_scale: '具有一定规模的生产企业',
  good_funds_and_credit: '资金与信誉良好',
  sound_operation: '经营状况正常',
  honest: '诚信守法',
  well_funded: '资金实力充足',
  good_reputation: '商业信誉良好',
  sells_only_group_products: '只经销本集团产品',
};

const ADMISSION_EXAMPLES: Partial<Record<AdmissionCriterion, string>> = { producer_of_scale: '年产能20万吨（2025年审计报告）', good_funds_and_credit: '银行资信证明' };

export const ADMISSION_COLUMNS: readonly ImportColumn[] = [
  column('admissionCheckedBy', '准入审核人', ['admissionCheckedBy'], '其他化工必填', '核实准入条件的人员（用户名）', 'sales'),
  ...(Object.entries(ADMISSION_LABELS) as Array<[AdmissionCriterion, string]>).map(([criterion, label]) =>
    column(`admission.${criterion}`, `准入依据：${label}`, [`admission.${criterion}`], '其他化工按销售对象必填', '依据（文件、走访记录等）', ADMISSION_EXAMPLES[criterion] ?? ''),
  ),
];

/** Numbered groups: `联系人1姓名`, `证照2有效期至`, or `contact1.name`, `document2.validUntil`. */
export interface GroupField {
  key: string;
  header: string;
  required: string;
  values: string;
  example: string;
}
export interface ImportGroup {
  key: 'contact' | 'document';
  prefix: string;
  fields: readonly GroupField[];
  /** groups the template offers; a file may carry more */
  templateCount: number;
}

export const GROUPS: readonly ImportGroup[] = [
  {
    key: 'contact', prefix: '联系人', templateCount: 2,
    fields: [
      { key: 'name', header: '姓名', required: '至少一位', values: '', example: '钱采购' },
      { key: 'telephone', header: '电话', required: '有姓名时必填', values: '', example: '13900139000' },
      { key: 'position', header: '职务', required: '可空', values: '', example: '采购部经理' },
      { key: 'email', header: '邮箱', required: '可空', values: '', example: 'qian@example.com' },
    ],
  },
  {
    key: 'document', prefix: '证照', templateCount: 3,
    fields: [
      { key: 'kind', header: '类型', required: '至少一份', values: '营业执照 / 税务登记证 / 组织机构代码证 / 其他，或证照名称', example: '营业执照' },
      { key: 'number', header: '编号', required: '有类型时必填', values: '', example: '91330200MA2AXXXX0X' },
      { key: 'validFrom', header: '起始日期', required: '有类型时必填', values: '日期（2024-01-01 或日期单元格）', example: '2021-01-01' },
      { key: 'validUntil', header: '有效期至', required: '有类型时必填', values: '日期，不得早于导入当天（R-ONB-2）', example: '2030-12-31' },
    ],
  },
];

export const groupHeader = (group: ImportGroup, n: number, field: GroupField): string => `${group.prefix}${n}${field.header}`;

/** The template's headers, in order. */
export function templateHeaders(): string[] {
  const groups = GROUPS.flatMap((g) => Array.from({ length: g.templateCount }, (_, i) => g.fields.map((f) => groupHeader(g, i + 1, f))).flat());
  return [...SINGLE_COLUMNS.map((c) => c.header), ...groups, ...ADMISSION_COLUMNS.map((c) => c.header)];
}

export type ColumnRef = { kind: 'single'; key: string } | { kind: 'group'; group: ImportGroup['key']; n: number; field: string };

const byName = new Map<string, ColumnRef>();
for (const c of [...SINGLE_COLUMNS, ...ADMISSION_COLUMNS]) for (const name of [c.header, ...c.aliases]) byName.set(name.toLowerCase(), { kind: 'single', key: c.key });

/** What a header names, or null for a column the import does not read (left alone, e.g. remarks). */
export function columnOf(header: string): ColumnRef | null {
  const name = header.trim().replace(/\s+/g, '');
  const single = byName.get(name.toLowerCase());
  if (single) return single;
  for (const group of GROUPS) {
    const zh = new RegExp(`^${group.prefix}(\\d{1,2})(.+)$`).exec(name);
    const field = zh && group.fields.find((f) => f.header === zh[2]);
    if (zh && field) return { kind: 'group', group: group.key, n: Number(zh[1]), field: field.key };
    const en = new RegExp(`^${group.key}(\\d{1,2})\\.(\\w+)$`, 'i').exec(name);
    const enField = en && group.fields.find((f) => f.key.toLowerCase() === en[2].toLowerCase());
    if (en && enField) return { kind: 'group', group: group.key, n: Number(en[1]), field: enField.key };
  }
  return null;
}

/** The Chinese header of a column, for messages about a column the file lacks. */
export function headerOf(key: string): string {
  if (key === 'row') return '整行';
  const [groupKey, n, fieldKey] = key.split('.');
  const group = GROUPS.find((g) => g.key === groupKey);
  const field = group?.fields.find((f) => f.key === fieldKey);
  if (group && field) return groupHeader(group, Number(n), field);
  return [...SINGLE_COLUMNS, ...ADMISSION_COLUMNS].find((c) => c.key === key)?.header ?? key;
}
