import type { OpenCustomerArchive } from '@crm/customers';
import { LINE_ZH } from './customer-import.values';

/** What a refusal of the workflows said, as the engine throws it. */
interface Refusal {
  name?: string;
  message?: string;
  ruleId?: string;
  field?: string;
}

const ROLE_WHY: ReadonlyArray<[RegExp, (who: string) => string]> = [
  [/is not a user/, (who) => `「${who}」不是系统用户`],
  [/is disabled/, (who) => `「${who}」的账号已停用`],
  [/does not hold the role/, (who) => `「${who}」不是客户经理`],
];

const DUPLICATE: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/it is the customer (\S+) for the product line (\S+)/, (m) => `该公司已是${LINE_ZH[m[2] as 'polyolefin'] ?? m[2]}客户 ${m[1]}，同一产品线不能重复建档`],
  [/application (\S+) holds it/, (m) => `该公司有未结束的开户申请 ${m[1]}，请在其通过、驳回或撤回后再导入`],
  [/it is the customer (\S+)$/, (m) => `该公司已是客户 ${m[1]}`],
];

/** A workflow's refusal of a row in Chinese: the rules an opening meets worded whole, any other with its English specifics after a Chinese lead. */
export function zhRefusal(error: unknown): { message: string; rule?: string } {
  const e = error as Refusal;
  const rule = e.ruleId ?? (e.name === 'TransitionNotAllowed' ? 'STATE' : undefined);
  const specifics = (e.message ?? String(error)).replace(/^[A-Z][A-Z0-9-]*: /, '');
  if (e.field === 'customerManagerId' && rule === 'R-KAM-2') {
    const who = specifics.split(' ')[0];
    const why = ROLE_WHY.find(([re]) => re.test(specifics))?.[1](who) ?? specifics;
    return { message: `${why}：客户经理须为在职的客户经理（客户经理制 R-KAM-2）`, rule };
  }
  if (rule === 'ONB-DUPLICATE') {
    const match = DUPLICATE.map(([re, zh]) => [re.exec(specifics), zh] as const).find(([m]) => m !== null);
    return { message: `${match?.[0] ? match[1](match[0]) : specifics}（ONB-DUPLICATE）`, rule };
  }
  if (rule === 'STATE') return { message: `当前状态不允许建档：${specifics}`, rule };
  return { message: rule ? `不符合业务规则 ${rule}：${specifics}` : `无法建档：${specifics}`, ...(rule ? { rule } : {}) };
}

/** The column a workflow's refusal is about, by the command field it names. */
export function columnOfField(field: string | undefined, archive: OpenCustomerArchive): string {
  if (!field) return 'row';
  if (field === 'customerManagerId') return 'customerManagerId';
  if (field === 'data.grade') return 'grade';
  if (field.endsWith('.class')) return 'salesObject';
  if (field === 'data.admission') return 'admissionCheckedBy';
  if (field === 'data.form.identifiers') return archive.identifiers.kind === 'separate' ? 'organisationCode' : 'creditCode';
  const doc = /^data\.documents(?:\.(\d+))?/.exec(field);
  if (doc) {
    const id = doc[1] === undefined ? 'doc-1' : (archive.documents[Number(doc[1])]?.documentId ?? 'doc-1');
    return `document.${id.slice(4)}.validUntil`;
  }
  return 'row';
}
