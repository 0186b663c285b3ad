import type { Role } from '@crm/workflow-kit';

/**
 * Who may call what: the expectation the access-matrix test checks every operation of
 * `/openapi.json` against, for every role, no token, an expired token and a forged one.
 *
 * Write these by hand from docs/domain.md ("Who uses it"), not by copying the endpoint's
 * decorator: the table is the second opinion that catches a wrong `@Roles`. One line per
 * operation, keyed `METHOD /path` exactly as OpenAPI writes it (`{param}` placeholders).
 *
 * - `PUBLIC`: no token needed (tokens, even bad ones, are ignored).
 * - `ANY_ROLE`: any signed-in user. Auditors still only read: a non-GET is refused with
 *   AUDITOR-READ-ONLY unless the line says `auditorMayCall`.
 * - `roles(...)`: a caller holding one of these roles passes the guard; everyone else gets
 *   403 ROLE (an auditor on a non-GET gets AUDITOR-READ-ONLY first).
 * - `{ ...x, auditorMayCall: true }`: the endpoint is `@AuditorAllowed(...)` (a read through
 *   POST, or the caller's own session).
 * - `{ ...x, consumesToken: true }`: a call that passes the guard spends the token (sign-out);
 *   the test signs in afresh for it.
 *
 * Passing the guard is all the matrix checks: the probe's body is `{}` and its path ids name
 * nothing, so an allowed call ends in 400/404/409/422, never in a change to real data.
 */
export interface Expectation {
  access: 'public' | 'any-role' | 'roles';
  roles?: readonly Role[];
  auditorMayCall?: boolean;
  consumesToken?: boolean;
}

export const PUBLIC: Expectation = { access: 'public' };
export const ANY_ROLE: Expectation = { access: 'any-role' };
export const roles = (...allowed: Role[]): Expectation => ({ access: 'roles', roles: allowed });
/** every role a person uses the product in (all but administrator) */
const READ_ALL: Role[] = ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'];

export const ACCESS_MATRIX: Readonly<Record<string, Expectation>> = {
  // service
  'GET /health': PUBLIC,
  'GET /health/live': PUBLIC,
  // also the scrape token (METRICS_TOKEN), which the metrics e2e spec checks; the matrix runs without one
  'GET /metrics': roles('administrator'),
  'GET /admin/projections': roles('administrator'),
  'POST /admin/projections/{name}/rebuild': roles('administrator'),
  // auth and users
  'POST /auth/token': PUBLIC,
  'GET /auth/me': ANY_ROLE,
  'POST /auth/logout': { ...ANY_ROLE, auditorMayCall: true, consumesToken: true },
  'POST /users': roles('administrator'),
  'GET /users': roles('administrator', 'auditor'),
  'GET /users/{username}': roles('administrator', 'auditor'),
  'PUT /users/{username}/roles': roles('administrator'),
  'POST /users/{username}/disable': roles('administrator'),
  'POST /users/{username}/revoke-tokens': roles('administrator'),
  'POST /users/{username}/enable': roles('administrator'),
  'POST /users/{username}/reset-password': roles('administrator'),
  'POST /users/me/password': { ...ANY_ROLE, auditorMayCall: true },
  // the person picker: colleagues' names and roles, for every form that names a person
  'GET /people': ANY_ROLE,
  // working-day calendar
  'GET /calendar/days': PUBLIC,
  'GET /calendar/deadline': PUBLIC,
  'GET /calendar/years': PUBLIC,
  'PUT /calendar/years/{year}': roles('administrator'),
  // onboarding
  'GET /applications': roles(...READ_ALL.filter((r) => r !== 'supervisor'), 'administrator'),
  'GET /applications/{id}': roles(...READ_ALL.filter((r) => r !== 'supervisor'), 'administrator'),
  'POST /applications': roles('customer_manager'),
  'PUT /applications/{id}': roles('customer_manager'),
  'POST /applications/{id}/submit': roles('customer_manager'),
  'POST /applications/{id}/withdraw': roles('customer_manager'),
  'POST /applications/{id}/steps/{step}/approve': roles('sales_reviewer', 'finance_reviewer', 'general_manager'),
  'POST /applications/{id}/steps/{step}/reject': roles('sales_reviewer', 'finance_reviewer', 'general_manager'),
  'POST /applications/{id}/steps/{step}/return': roles('sales_reviewer', 'finance_reviewer', 'general_manager'),
  'POST /applications/{id}/steps/{step}/reassign': roles('administrator'),
  'GET /inbox': roles('sales_reviewer', 'finance_reviewer', 'general_manager'),
  // issue 15: every deciding role delegates its tasks (supervisors too)
  'GET /delegations': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor', 'administrator'),
  'POST /delegations': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  // whom a reviewer may delegate to: only those who delegate ask (issue 16's delegation screen)
  'GET /delegations/candidates': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  // the delegator revokes their own; an administrator any (the service checks which delegation is whose)
  'POST /delegations/{id}/revoke': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'administrator'),
  // human tasks (any signed-in user sees their own; an administrator reassigns)
  'GET /tasks': ANY_ROLE,
  // people's and companies' names for the screens (a customer manager: their own customers only)
  'GET /names': ANY_ROLE,
  'GET /tasks/{id}': ANY_ROLE,
  'POST /tasks/{id}/reassign': roles('administrator'),
  // what an administrator reassigns from: every open task, whoever holds it (issue 16's screen)
  'GET /tasks/open': roles('administrator'),
  // customers
  'GET /customers': roles(...READ_ALL, 'administrator'),
  'GET /customers/{id}': roles(...READ_ALL, 'administrator'),
  'GET /customers/{id}/pickups': roles(...READ_ALL, 'administrator'),
  'GET /customers/{id}/sales-plans/{month}': roles(...READ_ALL, 'administrator'),
  'POST /customers/{id}/agency-licences': roles('sales_reviewer', 'general_manager'),
  'POST /customers/{id}/changes': roles('customer_manager', 'sales_reviewer'),
  // R-ARC-1 (ADR 0024): the archive keepers request a rename or re-registration and add documents; the sales department decides
  'POST /customers/{id}/identity-changes': roles('customer_manager', 'sales_reviewer'),
  'POST /customers/{id}/identity-changes/{requestId}/approve': roles('sales_reviewer'),
  'POST /customers/{id}/identity-changes/{requestId}/reject': roles('sales_reviewer'),
  'POST /customers/{id}/documents': roles('customer_manager', 'sales_reviewer'),
  'POST /customers/{id}/disqualification': roles('customer_manager', 'sales_reviewer', 'supervisor'),
  'POST /customers/{id}/disqualification/approve': roles('general_manager'),
  'POST /customers/{id}/disqualification/reject': roles('general_manager'),
  'POST /customers/{id}/documents/{documentId}/renew': roles('customer_manager', 'sales_reviewer'),
  'POST /customers/{id}/evaluations': roles('sales_reviewer', 'administrator'),
  // R-TIER-4 (ADR 0023): the sales department grades (划分客户等级)
  'POST /customers/{id}/grade-moves/confirm': roles('sales_reviewer'),
  'POST /customers/{id}/grade-moves/hold': roles('sales_reviewer'),
  // R-EVAL-1: the archive keepers file proof of a renewal under way; the sales department decides on it
  'POST /customers/{id}/documents/{documentId}/renewal-proofs': roles('customer_manager', 'sales_reviewer'),
  'POST /customers/{id}/documents/{documentId}/renewal-proofs/approve': roles('sales_reviewer'),
  'POST /customers/{id}/documents/{documentId}/renewal-proofs/reject': roles('sales_reviewer'),
  'POST /customers/{id}/pickups': roles('customer_manager', 'sales_reviewer', 'administrator'),
  'POST /customers/{id}/pickups/{pickupId}/correct': roles('customer_manager', 'sales_reviewer', 'administrator'),
  'POST /customers/{id}/pickups/{pickupId}/void': roles('customer_manager', 'sales_reviewer', 'administrator'),
  'POST /customers/{id}/sales-plans': roles('customer_manager', 'sales_reviewer'),
  'POST /customers/{id}/receipts': roles('finance_reviewer'),
  'GET /customers/{id}/account': roles(...READ_ALL),
  'GET /customers/{id}/application-form': roles('customer_manager'),
  'POST /customer-reviews': roles('sales_reviewer'),
  'POST /customer-reviews/{productLine}/{period}/outcomes': roles('sales_reviewer'),
  'POST /customer-reviews/{productLine}/{period}/conclude': roles('sales_reviewer', 'general_manager'),
  'GET /customer-reviews/{productLine}/{period}': roles('sales_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'GET /customers/{id}/statements/{month}': roles(...READ_ALL),
  'POST /pickups/import': roles('customer_manager', 'sales_reviewer', 'administrator'),
  'GET /reports/expiring-documents': roles(...READ_ALL, 'administrator'),
  'GET /reports/grade-changes': roles(...READ_ALL, 'administrator'),
  // audit
  'GET /customers/{id}/history': roles('auditor', 'administrator', 'customer_manager'),
  'GET /customers/{id}/as-of': roles('auditor', 'administrator', 'customer_manager'),
  'GET /customers/{id}/export': roles('auditor', 'administrator', 'customer_manager'),
  'GET /customers/{id}/verify': roles('auditor', 'administrator', 'customer_manager'),
  'POST /audit/what-if': { ...roles('auditor', 'administrator'), auditorMayCall: true },
  // complaints and SLA
  'GET /complaint-policies': ANY_ROLE,
  'GET /complaint-policies/current': ANY_ROLE,
  'PUT /complaint-policies/current': roles('administrator', 'sales_reviewer', 'general_manager'),
  'GET /complaints': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /complaints/{id}': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /complaints/{id}/deadline/explain': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'POST /complaints': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/classify': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/reclassify': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/resolution': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/resolution/approve': roles('supervisor', 'general_manager'),
  'POST /complaints/{id}/resolution/send-back': roles('supervisor', 'general_manager'),
  'POST /complaints/{id}/notify-customer': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/close': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/extensions': roles('customer_manager', 'sales_reviewer'),
  'POST /complaints/{id}/extensions/approve': roles('supervisor', 'general_manager'),
  'POST /complaints/{id}/extensions/reject': roles('supervisor', 'general_manager'),
  'POST /complaints/{id}/special-meeting': roles('general_manager'),
  // customer enquiries (ADR 0026): recorded and answered by the department, read like complaints
  'POST /consultations': roles('customer_manager', 'sales_reviewer'),
  'POST /consultations/{id}/answer': roles('customer_manager', 'sales_reviewer'),
  'GET /consultations': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /consultations/{id}': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /sla/alerts': roles('supervisor', 'general_manager', 'auditor'),
  'GET /sla/alerts/stream': roles('supervisor', 'general_manager', 'auditor'),
  'GET /sla/board': roles('supervisor', 'general_manager', 'auditor'),
  'GET /sla/stats': roles('supervisor', 'general_manager', 'auditor'),
  // customer development (R-DEV-1..3): managers keep prospects; the sales department plans; department head, then the managers' meeting
  'POST /prospects': roles('customer_manager'),
  'POST /prospects/{id}/update': roles('customer_manager'),
  'POST /prospects/{id}/convert': roles('customer_manager', 'sales_reviewer'),
  'POST /prospects/{id}/drop': roles('customer_manager', 'sales_reviewer'),
  'GET /prospects': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /prospects/{id}': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'POST /development-plans': roles('sales_reviewer', 'customer_manager'),
  'POST /development-plans/{id}/revise': roles('sales_reviewer', 'customer_manager'),
  'POST /development-plans/{id}/submit': roles('sales_reviewer', 'customer_manager'),
  'POST /development-plans/{id}/department-head/approve': roles('supervisor'),
  'POST /development-plans/{id}/managers-meeting/approve': roles('general_manager'),
  'POST /development-plans/{id}/return': roles('supervisor', 'general_manager'),
  'POST /development-plans/{id}/reject': roles('supervisor', 'general_manager'),
  'POST /development-plans/{id}/progress': roles('sales_reviewer', 'customer_manager'),
  'POST /development-plans/{id}/monthly-report': roles('sales_reviewer', 'customer_manager'),
  'POST /development-plans/{id}/assessments': roles('sales_reviewer'),
  'GET /development-plans': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /development-plans/missing-weekly': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /development-plans/{id}': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /development-plans/{id}/weekly': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /development-plans/{id}/monthly': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  // relationship maintenance (R-VISIT-1..3, R-SURV-1, R-FORUM-1): managers plan and visit, the sales department head approves plans,
  // leaders (主管领导) acknowledge findings; the sales department runs the survey and forums, the general manager decides the improvement plan
  'POST /visit-plans': roles('customer_manager'),
  'POST /visit-plans/{id}/revise': roles('customer_manager'),
  'POST /visit-plans/{id}/submit': roles('customer_manager'),
  'POST /visit-plans/{id}/approve': roles('sales_reviewer'),
  'POST /visit-plans/{id}/return': roles('sales_reviewer'),
  'GET /visit-plans/{id}': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /visit-plans/progress': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'POST /visit-reports': roles('customer_manager'),
  'POST /visit-reports/{id}/acknowledge': roles('supervisor', 'general_manager'),
  'GET /visit-reports/feedback': roles('supervisor', 'general_manager', 'sales_reviewer', 'auditor'),
  'GET /visit-reports/ratings': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'POST /satisfaction-surveys': roles('sales_reviewer'),
  'POST /satisfaction-surveys/{year}/responses': roles('customer_manager', 'sales_reviewer'),
  'POST /satisfaction-surveys/{year}/report': roles('sales_reviewer'),
  'POST /satisfaction-surveys/{year}/report/review': roles('general_manager'),
  'POST /satisfaction-surveys/{year}/improvement-plan': roles('sales_reviewer'),
  'POST /satisfaction-surveys/{year}/improvement-plan/approve': roles('general_manager'),
  'POST /satisfaction-surveys/{year}/improvement-plan/return': roles('general_manager'),
  'GET /satisfaction-surveys/{year}': roles('sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  // R-FORUM-1 (ADR 0025): the sales department writes the preparation plan, the responsible leader approves it
  'POST /customer-forums': roles('sales_reviewer'),
  'POST /customer-forums/{id}/revise': roles('sales_reviewer'),
  'POST /customer-forums/{id}/approve': roles('supervisor', 'general_manager'),
  'POST /customer-forums/{id}/return': roles('supervisor', 'general_manager'),
  'POST /customer-forums/{id}/minutes': roles('sales_reviewer', 'customer_manager'),
  'GET /customer-forums': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  'GET /customer-forums/{id}': roles('customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'),
  // key accounts and resource allocation (R-KAM-1/3/4, R-ALLOC-1..3, R-EVAL-2): company-wide analyses for the sales department,
  // leadership, supervision and audit; the sales department (or a supervisor) runs the monthly evaluation and proposes the
  // allocation, the general manager approves or returns it
  'GET /key-accounts/abc': roles('sales_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'POST /key-accounts/evaluations': roles('sales_reviewer', 'supervisor'),
  'GET /key-accounts/warnings': roles('sales_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'GET /key-accounts/reviews': roles('sales_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'POST /receipts/import': roles('finance_reviewer'),
  'POST /allocations/{month}/{productLine}/proposals': roles('sales_reviewer'),
  'POST /allocations/{month}/{productLine}/adjustments': roles('sales_reviewer'),
  'POST /allocations/{month}/{productLine}/approve': roles('general_manager'),
  'POST /allocations/{month}/{productLine}/return': roles('general_manager'),
  'GET /allocations/{month}/{productLine}': roles('sales_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'GET /allocations/{month}': roles('sales_reviewer', 'general_manager', 'supervisor', 'auditor'),
  // 价格与客户管理委员会 (R-PRICE-1/2, 篇5) and the commercial master data (R-TIER-1, R-PRIN-4): administrators keep the
  // charter and the catalogue; the sales department (or the GM) proposes prices; the deciding roles vote (membership is the
  // charter's); anyone working with customers may report a violation; auditors read the agenda
  'GET /committee/charter': ANY_ROLE,
  'PUT /committee/charter': roles('administrator'),
  'POST /committee/proposals': roles('sales_reviewer', 'general_manager'),
  'GET /committee/proposals': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'GET /committee/proposals/{id}': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'POST /committee/proposals/{id}/votes': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  'POST /committee/proposals/{id}/close': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  'POST /committee/proposals/{id}/group-decision': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  'POST /committee/proposals/{id}/withdraw': roles('sales_reviewer', 'general_manager', 'administrator'),
  'POST /committee/violations': roles('customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  'GET /committee/violations': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'GET /committee/violations/{id}': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'),
  'POST /committee/violations/{id}/decision': roles('sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  // R-ARC-5 sales contracts: the sales department drafts and signs, a leader approves; everyone who works with customers reads
  'POST /contracts': roles('sales_reviewer'),
  'POST /contracts/{id}/approve': roles('supervisor', 'general_manager'),
  'POST /contracts/{id}/sign': roles('sales_reviewer'),
  'POST /contracts/{id}/terminate': roles('sales_reviewer', 'general_manager'),
  'GET /contracts': roles(...READ_ALL),
  'GET /contracts/{id}': roles(...READ_ALL),
  'GET /catalogue': ANY_ROLE,
  'PUT /catalogue/product-lines/{id}': roles('administrator'),
  'PUT /catalogue/warehouses/{id}': roles('administrator'),
  'POST /catalogue/warehouses/{id}/withdraw': roles('administrator'),
  'GET /prices/{productLine}/{warehouse}': ANY_ROLE,
  // notifications and webhooks
  'GET /notifications': roles('finance_reviewer', 'sales_reviewer', 'administrator', 'auditor'),
  'GET /notifications/{id}/attempts': roles('finance_reviewer', 'sales_reviewer', 'administrator', 'auditor'),
  'GET /webhooks': roles('administrator'),
  'PUT /webhooks/{recipient}': roles('administrator'),
  'DELETE /webhooks/{recipient}': roles('administrator'),
  'POST /webhooks/deliveries/run': roles('administrator'),
  // the caller's own notification centre: everyone has one, an auditor too (marking read changes only their own state)
  'GET /me/notifications': ANY_ROLE,
  'GET /me/notifications/unread-count': ANY_ROLE,
  'GET /me/notifications/stream': ANY_ROLE,
  'POST /me/notifications/{id}/read': { ...ANY_ROLE, auditorMayCall: true },
  'POST /me/notifications/read-all': { ...ANY_ROLE, auditorMayCall: true },
  'GET /me/notification-settings': ANY_ROLE,
  'PUT /me/notification-settings': { ...ANY_ROLE, auditorMayCall: true },
  // who gets what where is configured by administrators
  'GET /notification-settings/users/{username}': roles('administrator'),
  'PUT /notification-settings/users/{username}': roles('administrator'),
  'GET /notification-settings/groups': roles('administrator'),
  'PUT /notification-settings/groups/{recipient}/channels/{channel}': roles('administrator'),
  'DELETE /notification-settings/groups/{recipient}/channels/{channel}': roles('administrator'),
  // R-ARC-2: the plant offices (驻厂办) archive changes are routed to; sales and finance read who is told
  'GET /plant-offices': roles('administrator', 'sales_reviewer', 'finance_reviewer', 'auditor'),
  'PUT /plant-offices/{officeId}': roles('administrator'),
  'POST /plant-offices/{officeId}/remove': roles('administrator'),
  // documents as files (ADR 0018): whoever files documents on a record uploads; whoever may read a record naming a file downloads it
  'POST /files': roles('customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'),
  'GET /files/{sha256}': roles(...READ_ALL, 'administrator'),
  // R-ARC-3 (ADR 0024): 报产品经销公司化工品销售部备案 — the parent's department acknowledges and checks; the sales department, which keeps the archives, responds
  'GET /archive-filings': roles('parent_chemicals_sales', 'sales_reviewer', 'general_manager', 'auditor'),
  'POST /archive-filings/{customerId}/{filingId}/acknowledge': roles('parent_chemicals_sales'),
  'POST /archive-checks': roles('parent_chemicals_sales'),
  'GET /archive-checks': roles('parent_chemicals_sales', 'sales_reviewer', 'general_manager', 'auditor'),
  'GET /archive-checks/{id}': roles('parent_chemicals_sales', 'sales_reviewer', 'general_manager', 'auditor'),
  'POST /archive-checks/{id}/response': roles('sales_reviewer'),
  'POST /archive-checks/{id}/close': roles('parent_chemicals_sales'),
};
