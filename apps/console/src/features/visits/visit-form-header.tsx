/**
 * R-VISIT-2: the header and foot of 走访客户报告单 as form fields — 客户单位名称, 客户地址,
 * 客户单位法人(负责人), the principal's and the business contact's rows (姓名 职务 电话 手机), and
 * 客户单位盖章(签名) 年月日. Field names are the API's, so a refusal lands beside its input.
 */
export const HEADER_FIELDS = [
  'form.customerName', 'form.address', 'form.legalRepresentative',
  'form.contacts.0.name', 'form.contacts.0.title', 'form.contacts.0.phone', 'form.contacts.0.mobile',
  'form.contacts.1.name', 'form.contacts.1.title', 'form.contacts.1.phone', 'form.contacts.1.mobile',
] as const;
export const HEADER_REQUIRED: readonly string[] = ['form.customerName', 'form.address', 'form.legalRepresentative', 'form.contacts.0.name'];

/** Empty header fields; the form is signed on the day of the visit unless changed. */
export const headerValues = (today: string): Record<string, string> => ({
  ...Object.fromEntries(HEADER_FIELDS.map((f) => [f, ''])), 'form.signature': 'sealed', 'form.signature.signedBy': '', 'form.signature.signedOn': today,
});

const optional = (v: string) => (v.trim() ? v.trim() : undefined);

function contact(values: Record<string, string>, i: 0 | 1) {
  const at = (f: string) => values[`form.contacts.${i}.${f}`];
  return { role: i === 0 ? 'principal' : 'business', name: at('name').trim(), title: optional(at('title')), phone: optional(at('phone')), mobile: optional(at('mobile')) };
}

/** The request's `form`: the business contact only when named. */
export function formBody(values: Record<string, string>) {
  return {
    customerName: values['form.customerName'].trim(), address: values['form.address'].trim(), legalRepresentative: values['form.legalRepresentative'].trim(),
    contacts: values['form.contacts.1.name'].trim() ? [contact(values, 0), contact(values, 1)] : [contact(values, 0)],
    signature: { sealed: values['form.signature'] === 'sealed', signedBy: optional(values['form.signature.signedBy']), signedOn: values['form.signature.signedOn'] },
  };
}
