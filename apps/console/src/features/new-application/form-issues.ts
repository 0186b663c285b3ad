import { ApplicationForm } from '@crm/onboarding';
import { localMessages } from '../../i18n/local-messages';

/**
 * Field messages for the account-opening form. The rules are the domain's own zod schema
 * (the API runs the same one); only the words are the console's, chosen by which rule failed.
 */
export const useIssueT = localMessages({
  'zh-CN': {
    required: '必填',
    tooLong: '内容过长',
    invalid: '格式不正确',
    contactsMin: '至少填写一位联系人',
    'rule.validOrder': '有效期截止日不能早于起始日（R-ONB-2）',
    'rule.agent': '聚烯烃客户只能是经销商或直销客户（R-TIER-1）',
    'rule.needsForm': '聚烯烃客户须选择网上竞价或计划销售（R-TIER-1）',
    'rule.noForm': '其他化工产品客户不设销售方式，请选“不适用”（R-TIER-5）',
    'field.companyName': '单位名称须用中文，与营业执照一致（R-ONB-1）',
    'field.creditCode': '统一社会信用代码无效：应为 18 位，末位校验码须正确（GB 32100-2015）',
    'field.businessLicenceNo': '营业执照注册号无效：应为 15 位数字，末位为校验码',
    'field.taxRegistrationNo': '税务登记证号无效：6 位行政区划代码加组织机构代码',
    'field.organisationCode': '组织机构代码无效：8 位本体代码加 1 位校验码',
    'field.accountNumber': '银行账号只能包含数字（可含空格、连字符）',
    'field.telephone': '电话号码只能包含数字、空格、括号和连字符',
    'field.email': '电子邮箱格式不正确',
    'field.validFrom': '请填写日期',
    'field.validUntil': '请填写日期',
    'field.customerManagerId': '只能包含字母、数字和 : _ . -',
  },
  en: {
    required: 'Required',
    tooLong: 'Too long',
    invalid: 'Not valid',
    contactsMin: 'At least one contact',
    'rule.validOrder': 'Valid until must not be before valid from (R-ONB-2)',
    'rule.agent': 'Polyolefin customers are distributors or direct customers (R-TIER-1)',
    'rule.needsForm': 'Polyolefin customers are online-auction or planned (R-TIER-1)',
    'rule.noForm': 'Other chemicals have no sales form: choose “n/a” (R-TIER-5)',
    'field.companyName': 'The company name in Chinese, as on the business licence (R-ONB-1)',
    'field.creditCode': 'Not a valid Unified Social Credit Code: 18 characters with a correct check character (GB 32100-2015)',
    'field.businessLicenceNo': 'Not a valid business licence number: 15 digits with a check digit',
    'field.taxRegistrationNo': 'Not a valid tax registration number: division code and organisation code',
    'field.organisationCode': 'Not a valid organisation code: 8 characters and a check character',
    'field.accountNumber': 'A bank account number of digits',
    'field.telephone': 'A telephone number of digits, spaces, brackets and hyphens',
    'field.email': 'Not a valid e-mail address',
    'field.validFrom': 'Enter a date',
    'field.validUntil': 'Enter a date',
    'field.customerManagerId': 'Letters, digits and : _ . - only',
  },
});

type IssueKey = Parameters<ReturnType<typeof useIssueT>['t']>[0];
interface Issue { code: string; path: PropertyKey[]; message: string; origin?: string; minimum?: unknown }

/** Where the form shows an issue: the input's key (`creditCode`, `contacts.0.telephone`, `customerClass`). */
export function fieldKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'form') return fieldKey(parts.slice(1));
  if ((parts[0] === 'identifiers' || parts[0] === 'invoicing') && parts.length > 1) return parts.slice(1).join('.');
  if (parts[0] === 'customerClass') return 'customerClass';
  return parts.join('.');
}

function keyFor(issue: Issue): IssueKey {
  const last = String(issue.path.at(-1) ?? '');
  if (issue.code === 'too_small') return issue.origin === 'array' ? 'contactsMin' : 'required';
  if (issue.code === 'too_big') return 'tooLong';
  if (issue.message.startsWith('R-ONB-2')) return 'rule.validOrder';
  if (issue.message.startsWith('R-TIER-1') && issue.message.includes('distributors')) return 'rule.agent';
  if (issue.message.startsWith('R-TIER-1')) return 'rule.needsForm';
  if (issue.message.startsWith('R-TIER-5')) return 'rule.noForm';
  const field = `field.${last}`;
  return (field in FIELD_KEYS ? field : 'invalid') as IssueKey;
}
const FIELD_KEYS = Object.fromEntries(
  ['companyName', 'creditCode', 'businessLicenceNo', 'taxRegistrationNo', 'organisationCode', 'accountNumber', 'telephone', 'email', 'validFrom', 'validUntil', 'customerManagerId'].map((k) => [`field.${k}`, true]),
);

export type FieldErrors = Record<string, string>;

/** Checks a candidate form with the domain schema; the first message per input, in the page's language. */
export function checkForm(candidate: unknown, t: (key: IssueKey) => string): FieldErrors {
  const result = ApplicationForm.safeParse(candidate);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues as Issue[]) {
    const key = fieldKey(issue.path);
    errors[key] ??= t(keyFor(issue));
  }
  return errors;
}
