import type { TestApi } from '../support/test-api';
import { visitForm } from '../relationship/visit-form';

/**
 * R-KAM-2 (客户经理制) for every operation a customer manager may call: the second opinion the
 * ownership test checks the running service against. Written by hand from docs/domain.md, keyed
 * like access-matrix.ts; an operation a customer manager may call without a line here fails the test.
 *
 * - `notCustomerScoped(why)`: the operation is not about one customer's records.
 * - `record(setup, rule)`: a read or a command on one record of `manager`'s customer (or kept by
 *   `manager`). `manager2` must be refused 403 with `rule`; `manager` and the company-wide roles the
 *   access matrix admits must not be (they may still be refused by other rules: state, schema).
 * - `list(setup)`: a list or report; `manager`'s row shows for `manager` and the company-wide
 *   roles, never for `manager2`.
 * `setup` runs once per probe, so a command that succeeds never spoils another probe's record.
 */
export interface Probe {
  path: string;
  body?: unknown;
  contentType?: string;
}
export type Setup = (fx: OwnershipFixtures) => Promise<Probe> | Probe;
export type Ownership =
  | { scope: 'none'; why: string }
  | { scope: 'record'; setup: Setup; rule: string }
  | { scope: 'list'; setup: Setup; shows: (body: unknown, fx: OwnershipFixtures) => boolean; companySees?: boolean };

export interface OwnershipFixtures {
  api: TestApi;
  /** `manager`'s customer */
  customerId: string;
  /** a recorded / a classified complaint on it, fresh for each call */
  recordedComplaint(): Promise<string>;
  classifiedComplaint(): Promise<string>;
  /** a sales contract drafted for it */
  contractId: string;
  /** a licence scan uploaded by `sales` and filed on it by a renewal (so `manager` reads it through the record, not as uploader) */
  fileSha256: string;
  /** an open task (a complaint to classify) on it */
  openTaskOnCustomer(): Promise<string>;
  /** a live pickup on it, fresh for each call */
  pickup(): Promise<string>;
  /** a prospect kept by `manager` */
  prospectId: string;
  /** an onboarding application `manager` filed (a prospect converts into it) */
  applicationId: string;
  /** `manager`'s visit plan for 2027 (approved) */
  visitPlanId: string;
  today: string;
}

const none = (why: string): Ownership => ({ scope: 'none', why });
const record = (setup: Setup, rule = 'R-KAM-2'): Ownership => ({ scope: 'record', setup, rule });
const list = (setup: Setup, shows: (body: unknown, fx: OwnershipFixtures) => boolean = mentionsCustomer): Ownership => ({ scope: 'list', setup, shows });
const mentionsCustomer = (body: unknown, fx: OwnershipFixtures) => JSON.stringify(body).includes(`"${fx.customerId}"`);
const onCustomer = (suffix: string, body?: unknown): Setup => (fx) => ({ path: `/customers/${fx.customerId}${suffix}`, body });
const onComplaint = (which: 'recorded' | 'classified', suffix: string, body?: unknown): Setup => async (fx) => ({
  path: `/complaints/${await (which === 'recorded' ? fx.recordedComplaint() : fx.classifiedComplaint())}${suffix}`,
  body,
});
const onPickup = (action: string, body: unknown): Setup => async (fx) => ({ path: `/customers/${fx.customerId}/pickups/${await fx.pickup()}/${action}`, body });
const complaint = (fx: OwnershipFixtures) => ({ customerId: fx.customerId, receivedAt: new Date(Date.parse(`${fx.today}T00:00:00+08:00`)).toISOString(), channel: 'phone', content: '包装破损' });
const consultation = (fx: OwnershipFixtures) => ({ customerId: fx.customerId, receivedAt: new Date(Date.parse(`${fx.today}T00:00:00+08:00`)).toISOString(), channel: 'phone', question: '下月是否有货' });
/** an enquiry on `manager`'s customer, recorded by the (company-wide) sales department, fresh for each call */
const onConsultation = (suffix: string, body?: unknown): Setup => async (fx) => {
  const recorded = await fx.api.request('POST', '/consultations', { token: await fx.api.tokenFor('sales'), body: consultation(fx) });
  if (recorded.status !== 201) throw new Error(`enquiry not recorded: ${recorded.status} ${JSON.stringify(recorded.body)}`);
  return { path: `/consultations/${recorded.body.id}${suffix}`, body };
};
const ratings = { quality: '良好', service: '不好', awareness: '知名度较高' };

export const OWNERSHIP_MATRIX: Readonly<Record<string, Ownership>> = {
  'GET /auth/me': none('the caller\'s own session'),
  'GET /people': none('the company\'s active staff by name and role, for a person picker: no customer data'),
  'POST /auth/logout': none('the caller\'s own session'),
  'POST /users/me/password': none('the caller\'s own account'),
  'GET /me/notification-settings': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'PUT /me/notification-settings': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'GET /me/notifications': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'GET /me/notifications/stream': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'GET /me/notifications/unread-count': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'POST /me/notifications/{id}/read': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'POST /me/notifications/read-all': none("the caller's own notifications: addressed to them, another user's are 404 (notifications-people.e2e)"),
  'GET /complaint-policies': none('company policy, the same for every customer'),
  'GET /complaint-policies/current': none('company policy, the same for every customer'),
  // an application is not a customer yet: its manager is named on the form and checked (R-KAM-2 people guard, ONB-SELF)
  'GET /applications': none('applications precede the customer archive'),
  'GET /applications/{id}': none('applications precede the customer archive'),
  'POST /applications': none('applications precede the customer archive'),
  'PUT /applications/{id}': none('applications precede the customer archive'),
  'POST /applications/{id}/submit': none('applications precede the customer archive'),
  'POST /applications/{id}/withdraw': none('applications precede the customer archive'),
  // R-DEV-2: the quarter's development plan is the sales department's, its targets are prospects
  'POST /development-plans': none('the company\'s quarterly plan (R-DEV-2)'),
  'POST /development-plans/{id}/revise': none('the company\'s quarterly plan (R-DEV-2)'),
  'POST /development-plans/{id}/submit': none('the company\'s quarterly plan (R-DEV-2)'),
  'POST /development-plans/{id}/progress': none('the company\'s quarterly plan (R-DEV-2)'),
  'POST /development-plans/{id}/monthly-report': none('the company\'s quarterly plan (R-DEV-2)'),
  'GET /development-plans': none('the company\'s quarterly plan (R-DEV-2)'),
  'GET /development-plans/missing-weekly': none('the company\'s quarterly plan (R-DEV-2)'),
  'GET /development-plans/{id}': none('the company\'s quarterly plan (R-DEV-2)'),
  'GET /development-plans/{id}/weekly': none('the company\'s quarterly plan (R-DEV-2)'),
  'GET /development-plans/{id}/monthly': none('the company\'s quarterly plan (R-DEV-2)'),
  'GET /committee/charter': none('the committee as constituted, the same for everyone'),
  'POST /committee/violations': none('R-PRICE-2: anyone may report a violation on any existing customer'),
  'GET /catalogue': none('company master data'),
  'GET /prices/{productLine}/{warehouse}': none('the company\'s price list, the same for every customer'),
  'POST /customer-forums/{id}/minutes': none('a forum is a company event with many customers (R-FORUM-1)'),
  'GET /customer-forums': none('a forum is a company event with many customers (R-FORUM-1)'),
  'GET /customer-forums/{id}': none('a forum is a company event with many customers (R-FORUM-1)'),
  // the archive and its records
  // names for a screen: a customer manager is told their own customers' names only
  'GET /names': list(async (fx) => ({ path: `/names?customers=${fx.customerId}&minPosition=${await fx.api.store.headPosition()}` })),
  'GET /customers': list(async (fx) => ({ path: `/customers?limit=500&minPosition=${await fx.api.store.headPosition()}` })),
  'GET /customers/{id}': record(onCustomer('')),
  'GET /customers/{id}/pickups': record(onCustomer('/pickups')),
  'GET /customers/{id}/sales-plans/{month}': record(onCustomer('/sales-plans/2026-11')),
  'POST /customers/{id}/changes': record(onCustomer('/changes', { changes: { region: '华南' }, reason: '迁址' })),
  'POST /customers/{id}/identity-changes': record(onCustomer('/identity-changes', { requestId: `idc-${Date.now()}`, name: '更名后的公司', reason: '工商变更' })),
  'POST /customers/{id}/documents': record(onCustomer('/documents', { documentId: `doc-${Date.now()}`, kind: 'permit', number: 'P-1', validFrom: '2026-01-01', validUntil: '2031-01-01', reason: '新证' })),
  'POST /customers/{id}/disqualification': record(onCustomer('/disqualification', { reason: 'fraud_or_bad_faith', evidence: ['伪造磅单'] })),
  'POST /customers/{id}/documents/{documentId}/renew': record(onCustomer('/documents/licence/renew', { number: 'BL-2', validFrom: '2026-10-01', validUntil: '2031-09-30' })),
  'POST /customers/{id}/documents/{documentId}/renewal-proofs': record(onCustomer('/documents/licence/renewal-proofs', { proofId: `proof-${Date.now()}`, description: '换证受理回执', expectedBy: '2031-10-15' })),
  'POST /customers/{id}/pickups': record(async (fx) => ({ path: `/customers/${fx.customerId}/pickups`, body: { pickupId: `own-${Math.random().toString(36).slice(2, 10)}`, date: fx.today, product: 'HDPE', tonnes: 10, warehouse: '镇海库' } })),
  'POST /customers/{id}/pickups/{pickupId}/correct': record(onPickup('correct', { tonnes: 11, reason: '磅单更正' })),
  'POST /customers/{id}/pickups/{pickupId}/void': record(onPickup('void', { reason: '重复录入' })),
  'POST /customers/{id}/sales-plans': record(onCustomer('/sales-plans', { month: '2026-12', lines: [{ customer: '宁波某化纤厂', quantity: 300, pickupWindow: { from: '2026-12-01', to: '2026-12-10' } }] })),
  'POST /pickups/import': record((fx) => ({
    path: '/pickups/import',
    contentType: 'text/csv',
    body: ['customerId,pickupId,date,product,tonnes,warehouse', `${fx.customerId},imp-${Math.random().toString(36).slice(2, 10)},${fx.today},HDPE,5,镇海库`].join('\n'),
  })),
  'GET /reports/expiring-documents': list(async (fx) => ({ path: `/reports/expiring-documents?withinDays=3650&minPosition=${await fx.api.store.headPosition()}` })),
  'GET /reports/grade-changes': list(async (fx) => ({ path: `/reports/grade-changes?month=2026-09&minPosition=${await fx.api.store.headPosition()}` })),
  // the auditor's replay, which a customer's own manager may read too
  'GET /customers/{id}/account': record(onCustomer('/account')),
  // R-TIER-1: the archive's data for another line's application is its own manager's
  'GET /customers/{id}/application-form': record(onCustomer('/application-form?productLine=other_chemicals')),
  'GET /customers/{id}/statements/{month}': record(onCustomer('/statements/2026-10')),
  'GET /customers/{id}/history': record(onCustomer('/history')),
  'GET /customers/{id}/as-of': record((fx) => ({ path: `/customers/${fx.customerId}/as-of?at=${encodeURIComponent(new Date().toISOString())}` })),
  'GET /customers/{id}/export': record(onCustomer('/export?format=csv')),
  'GET /customers/{id}/verify': record(onCustomer('/verify')),
  // R-ARC-5: a customer's contracts
  'GET /contracts': list(async (fx) => ({ path: `/contracts?customerId=${fx.customerId}&minPosition=${await fx.api.store.headPosition()}` })),
  'GET /contracts/{id}': record((fx) => ({ path: `/contracts/${fx.contractId}` })),
  // documents as files (ADR 0018): a file follows the records naming it
  'POST /files': none('an upload belongs to no customer until a command names it; the file guard and the download check the record'),
  'GET /files/{sha256}': record((fx) => ({ path: `/files/${fx.fileSha256}` })),
  // human tasks (issue 15): a manager's task list and a task's detail follow the same rule
  // a task list shows what the caller can complete: the company-wide roles that hold no complaint task see none of them
  'GET /tasks': { ...list(async (fx) => ({ path: `/tasks?customerId=${fx.customerId}&minPosition=${await fx.api.store.headPosition()}` })), companySees: false } as Ownership,
  'GET /tasks/{id}': record(async (fx) => ({ path: `/tasks/${await fx.openTaskOnCustomer()}` }), 'NOT-FOUND'),
  // complaints
  // customer enquiries (ADR 0026)
  'GET /consultations': list(async (fx) => {
    await onConsultation('')(fx); // one enquiry on the customer, so the list has its row to show or hide
    return { path: `/consultations?customer=${fx.customerId}&minPosition=${await fx.api.store.headPosition()}` };
  }),
  'GET /consultations/{id}': record(onConsultation('')),
  'POST /consultations': record((fx) => ({ path: '/consultations', body: consultation(fx) })),
  'POST /consultations/{id}/answer': record(onConsultation('/answer', { channel: 'phone', answer: '有货' })),
  'GET /complaints': list(async (fx) => ({ path: `/complaints?customer=${fx.customerId}&minPosition=${await fx.api.store.headPosition()}` })),
  'GET /complaints/{id}': record(onComplaint('recorded', '')),
  'GET /complaints/{id}/deadline/explain': record(onComplaint('classified', '/deadline/explain')),
  'POST /complaints': record((fx) => ({ path: '/complaints', body: complaint(fx) })),
  'POST /complaints/{id}/classify': record(onComplaint('recorded', '/classify', { class: 'general' })),
  'POST /complaints/{id}/reclassify': record(onComplaint('classified', '/reclassify', { class: 'major', reason: '影响扩大' })),
  'POST /complaints/{id}/resolution': record(onComplaint('classified', '/resolution', { department: '销售部', text: '复检', handler: 'manager' })),
  'POST /complaints/{id}/notify-customer': record(onComplaint('classified', '/notify-customer', { channel: 'phone', message: '已安排复检' })),
  'POST /complaints/{id}/close': record(onComplaint('classified', '/close', { notes: '客户已确认' })),
  'POST /complaints/{id}/extensions': record(onComplaint('classified', '/extensions', { additionalWorkingDays: 1, reason: '检测' })),
  // R-DEV-1: a prospect archive is kept by the manager who registered it
  'POST /prospects': none('the caller registers a prospect for themselves (R-DEV-1)'),
  'POST /prospects/{id}/update': record((fx) => ({ path: `/prospects/${fx.prospectId}/update`, body: { changes: { region: '华南' }, reason: '更正' } }), 'R-DEV-1'),
  'POST /prospects/{id}/convert': record((fx) => ({ path: `/prospects/${fx.prospectId}/convert`, body: { applicationId: fx.applicationId } }), 'R-DEV-1'),
  'POST /prospects/{id}/drop': record((fx) => ({ path: `/prospects/${fx.prospectId}/drop`, body: { reason: '无意向' } }), 'R-DEV-1'),
  'GET /prospects': list(() => ({ path: '/prospects' }), (body, fx) => JSON.stringify(body).includes(`"${fx.prospectId}"`)),
  'GET /prospects/{id}': record((fx) => ({ path: `/prospects/${fx.prospectId}` }), 'R-DEV-1'),
  // relationship maintenance
  'POST /visit-plans': record((fx) => ({ path: '/visit-plans', body: { year: 2028, items: [{ itemId: 'i-1', customerId: fx.customerId, month: 3 }] } })),
  'POST /visit-plans/{id}/revise': record((fx) => ({ path: `/visit-plans/${fx.visitPlanId}/revise`, body: { items: [{ itemId: 'i-1', customerId: fx.customerId, month: 4 }] } })),
  'POST /visit-plans/{id}/submit': record((fx) => ({ path: `/visit-plans/${fx.visitPlanId}/submit`, body: {} }), 'R-VISIT-1'),
  'GET /visit-plans/{id}': record((fx) => ({ path: `/visit-plans/${fx.visitPlanId}` })),
  'GET /visit-plans/progress': list(
    async (fx) => ({ path: `/visit-plans/progress?year=2027&minPosition=${await fx.api.store.headPosition()}` }),
    // progress is per manager: another manager sees only their own rows
    (body) => JSON.stringify(body).includes('"managerId":"manager"'),
  ),
  'POST /visit-reports': record((fx) => ({ path: '/visit-reports', body: { customerId: fx.customerId, visitedOn: fx.today, basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm(fx.today), ratings } })),
  'GET /visit-reports/ratings': list(async (fx) => ({ path: `/visit-reports/ratings?year=2026&minPosition=${await fx.api.store.headPosition()}` })),
  'POST /satisfaction-surveys/{year}/responses': record((fx) => ({
    path: '/satisfaction-surveys/2026/responses',
    body: { responseId: `r-${Math.random().toString(36).slice(2, 10)}`, customerId: fx.customerId, channel: 'phone', respondedOn: fx.today, answers: { productQuality: 90, serviceQuality: 80, companyImage: 85 } },
  })),
};
