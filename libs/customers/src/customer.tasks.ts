import type { TaskDeclaration, WorkflowState } from '@crm/workflow-kit';
import type { CustomerContext } from './customer.context';

type State = WorkflowState<CustomerContext>;

const subject = (s: State) => ({ customerId: s.context.customerId, name: s.context.name || null });
const link = (id: string) => ({ console: `/#/customers/${encodeURIComponent(id)}`, api: `/customers/${encodeURIComponent(id)}` });
const VERSION = 'customer-tasks-2026-12';

/** R-EVAL-3: only the general manager disqualifies; a proposal waits for them (取消客户资格). */
const disqualificationTask: TaskDeclaration<CustomerContext> = {
  type: 'customer.disqualification',
  title: '取消客户资格待总经理审批',
  step: 'disqualification',
  states: ['open'],
  openWhen: (s) => s.context.pendingDisqualification !== null,
  holders: () => ({ roles: ['general_manager'], assignee: null, excluded: [] }),
  delegable: true,
  commands: ['ApproveDisqualification', 'RejectDisqualification'],
  dueWorkingDays: 5,
  reminders: { version: VERSION, remindAfterWorkingDays: 2, escalateAfterWorkingDays: null, escalateTo: null },
  subject,
  link,
  sampleData: (commandType) => (commandType === 'ApproveDisqualification' ? {} : { comment: '证据不足' }),
};

const awaitingRenewal = (s: State) => Object.values(s.context.documents).filter((d) => d.warnedFor !== null || d.expired);

/**
 * R-ARC-4 (资质证件定期检查、及时更换) and R-EVAL-1: a document warned of expiry, or expired, waits for
 * its renewal by the archive keepers; R-KAM-2 leaves a plain customer manager their own customers.
 */
const renewalTask: TaskDeclaration<CustomerContext> = {
  type: 'customer.document-renewal',
  title: '客户资质证件待更换',
  step: 'document-renewal',
  states: ['open'],
  keysOf: (s) => awaitingRenewal(s).map((d) => d.documentId),
  openWhen: (s) => awaitingRenewal(s).length > 0,
  holders: () => ({ roles: ['customer_manager', 'sales_reviewer'], assignee: null, excluded: [] }),
  delegable: true,
  commands: ['RenewQualificationDocument'],
  dueWorkingDays: null,
  // certificates are dated in China's time zone: valid through the end of the day
  dueAtOf: (s, key) => (s.context.documents[key] ? new Date(`${s.context.documents[key].validUntil}T23:59:59+08:00`).toISOString() : null),
  reminders: { version: VERSION, remindAfterWorkingDays: 5, escalateAfterWorkingDays: 10, escalateTo: 'supervisor' },
  subject,
  link,
  sampleData: (_c, s, _a, key) => {
    const doc = s.context.documents[key];
    return doc ? { documentId: doc.documentId, number: doc.number, validFrom: doc.validUntil, validUntil: `${Number(doc.validUntil.slice(0, 4)) + 3}${doc.validUntil.slice(4)}` } : null;
  },
};

export const customerTasks: readonly TaskDeclaration<CustomerContext>[] = [disqualificationTask, renewalTask];
