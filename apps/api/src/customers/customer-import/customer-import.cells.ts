import {
  type Admission, type AdmissionCriterion, classProblem, type CustomerClass, gradeForClass, type Grade, type ProductLine, type QualificationDocument,
  requiredAdmission,
} from '@crm/customers';
import { CompanyName, Contact, identityKeyOf, InvoicingData, normaliseOrganisationCode, SeparateIdentifiers, UnifiedIdentifiers } from '@crm/onboarding';
import { freeText } from '@crm/workflow-kit';
import { ADMISSION_LABELS, GROUPS } from './customer-import.columns';
import { dateOf, documentKindOf, GRADE_ZH, gradeOf, LINE_ZH, OBJECT_ZH, productLineOf, salesFormOf, salesObjectOf } from './customer-import.values';

/** One row's cells by column key, and where its problems go (they name the file's own header). */
export interface Cells {
  get(key: string): string;
  keys(): string[];
  fail(key: string, message: string, rule?: string): void;
}

/** Reports the problem; the value is unusable. */
function refuse(cells: Cells, key: string, message: string, rule?: string): null {
  cells.fail(key, message, rule);
  return null;
}

export function readText(cells: Cells, key: string, max: number, required = true): string {
  const value = cells.get(key);
  if (value === '') {
    if (required) cells.fail(key, '不能为空');
  } else if (value.length > max) cells.fail(key, `超过 ${max} 个字符`);
  else if (!freeText(max).safeParse(value).success) cells.fail(key, '含有不允许的控制字符、双向控制符或零宽字符');
  return value;
}

const unified = (creditCode: string) => UnifiedIdentifiers.safeParse({ kind: 'unified', creditCode });

/** R-ONB-1: the unified credit code, or the three older numbers; the company's key is the organisation code in either. */
export function readIdentity(cells: Cells): { identifiers: Record<string, string>; identityKey: string } | null {
  const creditCode = cells.get('creditCode');
  const organisationCode = cells.get('organisationCode');
  if (creditCode !== '') {
    const parsed = unified(creditCode);
    if (!parsed.success) return refuse(cells, 'creditCode', `「${creditCode}」不是有效的统一社会信用代码（18 位，含校验位，R-ONB-1）`, 'R-ONB-1');
    const identityKey = identityKeyOf(parsed.data);
    if (organisationCode !== '' && normaliseOrganisationCode(organisationCode) !== identityKey) {
      return refuse(cells, 'organisationCode', `与统一社会信用代码中的组织机构代码 ${identityKey} 不一致`);
    }
    return { identifiers: { ...parsed.data }, identityKey };
  }
  if (organisationCode === '') return refuse(cells, 'creditCode', '须填写统一社会信用代码，或填写组织机构代码、营业执照注册号、税务登记号三项');
  const separate = { kind: 'separate', organisationCode, businessLicenceNo: cells.get('businessLicenceNo'), taxRegistrationNo: cells.get('taxRegistrationNo') };
  const parsed = SeparateIdentifiers.safeParse(separate);
  if (parsed.success) return { identifiers: { ...parsed.data }, identityKey: identityKeyOf(parsed.data) };
  const NAMES: Record<string, string> = { organisationCode: '组织机构代码', businessLicenceNo: '营业执照注册号', taxRegistrationNo: '税务登记号' };
  for (const key of new Set(parsed.error.issues.map((i) => String(i.path[0])))) {
    const value = cells.get(key);
    cells.fail(key, value === '' ? '没有统一社会信用代码时必须填写' : `「${value}」不是有效的${NAMES[key] ?? key}（R-ONB-1）`, 'R-ONB-1');
  }
  return null;
}

export function readCompanyName(cells: Cells): string {
  const name = readText(cells, 'companyName', 100);
  if (name !== '' && !CompanyName.safeParse(name).success) cells.fail('companyName', '须为营业执照上的中文名称（R-ONB-1）', 'R-ONB-1');
  return name;
}

type ReadClass = { productLine: ProductLine; class: CustomerClass; grade?: Grade };

/** R-TIER-1/5: the line's classes; the grade is the class's starting grade (R-TIER-2/3), never carried over. */
export function readClass(cells: Cells): ReadClass | null {
  const productLine = productLineOf(cells.get('productLine'));
  const salesObject = salesObjectOf(cells.get('salesObject'));
  const formCell = cells.get('salesForm');
  const salesForm = formCell === '' ? null : salesFormOf(formCell);
  if (!productLine) cells.fail('productLine', cells.get('productLine') === '' ? '不能为空' : `「${cells.get('productLine')}」不是产品线（聚烯烃 / 其他化工）`);
  if (!salesObject) cells.fail('salesObject', cells.get('salesObject') === '' ? '不能为空' : `「${cells.get('salesObject')}」不是销售对象（经销商 / 直销 / 独家代理）`);
  if (salesForm === undefined) cells.fail('salesForm', `「${formCell}」不是销售形式（网上竞价 / 计划销售）`);
  if (!productLine || !salesObject || salesForm === undefined) return null;
  const cls: CustomerClass = { salesObject, salesForm };
  const problem = classProblem(productLine, cls);
  if (problem) {
    const rule = problem.slice(0, problem.indexOf(':'));
    if (productLine === 'other_chemicals') cells.fail('salesForm', `其他化工产品客户不分网上竞价 / 计划销售，请留空（${rule}）`, rule);
    else if (salesObject === 'exclusive_agent') cells.fail('salesObject', `聚烯烃客户只有经销商和直销客户，没有${OBJECT_ZH[salesObject]}（${rule}）`, rule);
    else cells.fail('salesForm', `聚烯烃客户须填写销售形式：网上竞价或计划销售（${rule}）`, rule);
    return null;
  }
  const grade = readGrade(cells, productLine, cls);
  return grade === null ? null : { productLine, class: cls, ...(grade ? { grade } : {}) };
}

/** undefined: the cell is empty; null: it is wrong (reported). */
function readGrade(cells: Cells, productLine: ProductLine, cls: CustomerClass): Grade | undefined | null {
  const cell = cells.get('grade');
  if (cell === '' || cell === '不适用') return undefined;
  const grade = gradeOf(cell);
  const start = gradeForClass(productLine, cls);
  if (!grade) return refuse(cells, 'grade', `「${cell}」不是客户等级（网上竞价客户 / 普通客户 / 一星客户 / 二星客户 / 三星客户）`);
  if (start === null) return refuse(cells, 'grade', `${LINE_ZH[productLine]}客户不分等级，请留空（R-TIER-5）`, 'R-TIER-5');
  if (grade !== start) {
    const rule = productLine === 'polyolefin' ? 'R-TIER-2' : 'R-TIER-5';
    const why = '建档时按类别定级，此后按月度提货量逐级升降（R-TIER-4），历史等级不能直接导入';
    return refuse(cells, 'grade', `该类别的客户建档等级为「${GRADE_ZH[start]}」，不能导入为「${GRADE_ZH[grade]}」：${why}（${rule}）`, rule);
  }
  return grade;
}

/** R-ONB-1 开票资料, as the account-opening form requires it. */
export function readInvoicing(cells: Cells): Record<string, string> {
  const invoicing = {
    bank: readText(cells, 'bank', 100), accountNumber: cells.get('accountNumber'), postalAddress: readText(cells, 'postalAddress', 200), telephone: cells.get('telephone'),
  };
  if (invoicing.accountNumber === '') cells.fail('accountNumber', '不能为空');
  else if (!InvoicingData.shape.accountNumber.safeParse(invoicing.accountNumber).success) cells.fail('accountNumber', `「${invoicing.accountNumber}」不是银行账号（数字，可含空格或横线）`);
  if (invoicing.telephone === '') cells.fail('telephone', '不能为空');
  else if (!InvoicingData.shape.telephone.safeParse(invoicing.telephone).success) cells.fail('telephone', `「${invoicing.telephone}」不是电话号码`);
  return invoicing;
}

/** The numbered groups a row fills (any of their cells not empty), in order. */
function filledGroups(cells: Cells, group: 'contact' | 'document'): number[] {
  const numbers = new Set(cells.keys().filter((k) => k.startsWith(`${group}.`)).map((k) => Number(k.split('.')[1])));
  const fields = GROUPS.find((g) => g.key === group)?.fields ?? [];
  return [...numbers].sort((a, b) => a - b).filter((n) => fields.some((f) => cells.get(`${group}.${n}.${f.key}`) !== ''));
}

export function readContacts(cells: Cells): Array<Record<string, string>> {
  const filled = filledGroups(cells, 'contact');
  if (filled.length === 0) cells.fail('contact.1.name', '至少填写一位联系人（R-ONB-1）', 'R-ONB-1');
  return filled.map((n) => {
    const key = (field: string) => `contact.${n}.${field}`;
    const contact: Record<string, string> = { name: readText(cells, key('name'), 50), telephone: cells.get(key('telephone')) };
    if (contact.telephone === '') cells.fail(key('telephone'), '不能为空');
    else if (!Contact.shape.telephone.safeParse(contact.telephone).success) cells.fail(key('telephone'), `「${contact.telephone}」不是电话号码`);
    const position = readText(cells, key('position'), 50, false);
    const email = cells.get(key('email'));
    if (email !== '' && !Contact.shape.email.safeParse(email).success) cells.fail(key('email'), `「${email}」不是电子邮箱`);
    return { ...contact, ...(position ? { position } : {}), ...(email ? { email } : {}) };
  });
}

/** R-ARC-4 / R-ONB-2: every document with its number and validity, valid on the day of the import. */
export function readDocuments(cells: Cells, today: string): QualificationDocument[] {
  const filled = filledGroups(cells, 'document');
  if (filled.length === 0) cells.fail('document.1.kind', '至少填写一份证照及其有效期（R-ARC-4）', 'R-ARC-4');
  return filled.map((n) => {
    const key = (field: string) => `document.${n}.${field}`;
    const kindCell = readText(cells, key('kind'), 100);
    const number = readText(cells, key('number'), 100);
    const [validFrom, validUntil] = (['validFrom', 'validUntil'] as const).map((field) => {
      const cell = cells.get(key(field));
      const date = dateOf(cell);
      if (!date) cells.fail(key(field), cell === '' ? '不能为空' : `「${cell}」不是日期（应为 YYYY-MM-DD）`);
      return date ?? '';
    });
    if (validFrom && validUntil && validFrom > validUntil) cells.fail(key('validUntil'), `有效期至 ${validUntil} 早于起始日期 ${validFrom}（R-ARC-4）`, 'R-ARC-4');
    else if (validUntil && validUntil < today) cells.fail(key('validUntil'), `证照已于 ${validUntil} 过期：请先换证，再导入有效的证照（R-ONB-2）`, 'R-ONB-2');
    return { documentId: `doc-${n}`, kind: documentKindOf(kindCell) ?? kindCell, number, validFrom, validUntil };
  });
}

/** R-TIER-6: other chemicals' admission, each criterion of the class with its evidence, and who checked it. */
export function readAdmission(cells: Cells, productLine: ProductLine, cls: CustomerClass): Admission | null {
  if (productLine !== 'other_chemicals') return null;
  const required = requiredAdmission(productLine, cls);
  const attestations = (Object.keys(ADMISSION_LABELS) as AdmissionCriterion[])
    .map((criterion) => ({ criterion, evidence: readText(cells, `admission.${criterion}`, 2000, false) }))
    .filter((a) => a.evidence !== '');
  for (const missing of required.filter((c) => !attestations.some((a) => a.criterion === c))) {
    cells.fail(`admission.${missing}`, `其他化工产品的${OBJECT_ZH[cls.salesObject]}须有准入依据「${ADMISSION_LABELS[missing]}」：未填写的不能导入（R-TIER-6）`, 'R-TIER-6');
  }
  const checkedBy = readText(cells, 'admissionCheckedBy', 100);
  return { checkedBy, attestations };
}
