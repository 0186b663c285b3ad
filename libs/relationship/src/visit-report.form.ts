import { z } from 'zod';
import { LocalDate, text } from './relationship.shapes';

/**
 * 客户单位主要负责人,业务主办 联系方式: 姓名 职务 电话 手机 — the form's contact rows, the customer's
 * principal (主要负责人) and its business contact (业务主办). Each gives a telephone or a mobile.
 */
export const VisitContact = z.strictObject({
  role: z.enum(['principal', 'business']), name: text(100), title: text(100).optional(), phone: text(40).optional(), mobile: text(40).optional(),
});
export type VisitContact = z.infer<typeof VisitContact>;

/** 客户单位盖章(签名) 年月日: the customer's seal, or a signature, and the date written beside it. */
export const VisitSignature = z.strictObject({ sealed: z.boolean(), signedBy: text(100).optional(), signedOn: LocalDate });
export type VisitSignature = z.infer<typeof VisitSignature>;

/**
 * R-VISIT-2: the header and the foot of 走访客户报告单 (附件) — 客户单位名称, 客户地址,
 * 客户单位法人(负责人), the contacts, and the customer's seal or signature.
 */
export const VisitReportForm = z.strictObject({
  customerName: text(200), address: text(300), legalRepresentative: text(100),
  contacts: z.array(VisitContact).min(1).max(4), signature: VisitSignature,
});
export type VisitReportForm = z.infer<typeof VisitReportForm>;

/** Why the filled-in form is incomplete, with the field at fault; null when it is complete. */
export function formGap(form: VisitReportForm, visitedOn: string, today: string): { field: string; why: string } | null {
  const s = form.signature;
  if (!s.sealed && !s.signedBy) return { field: 'form.signature', why: 'the customer seals or signs the form (客户单位盖章(签名))' };
  if (s.signedOn < visitedOn || s.signedOn > today) return { field: 'form.signature.signedOn', why: `signedOn ${s.signedOn} is not between the visit (${visitedOn}) and the day it is reported (${today})` };
  const i = form.contacts.findIndex((c) => !c.phone && !c.mobile);
  if (i >= 0) return { field: `form.contacts.${i}.phone`, why: 'each contact gives a telephone or a mobile (联系方式: 电话 手机)' };
  return null;
}
