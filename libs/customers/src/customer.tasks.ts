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

/**
 * R-TIER-4 "与其他指标共同考核,确定客户级别" (ADR 0023): the month's tonnage proposed a move; the sales
 * department confirms or holds it, naming one of the other indicators.
 */
const confirmGradeTask: TaskDeclaration<CustomerContext> = {
  type: 'customer.confirm-grade',
  title: '客户级别调整待销售部确认',
  step: 'confirm-grade',
  states: ['open'],
  openWhen: (s) => s.context.pendingGradeMove !== null,
  holders: () => ({ roles: ['sales_reviewer'], assignee: null, excluded: [] }),
  delegable: true,
  commands: ['ConfirmGradeMove', 'HoldGradeMove'],
  dueWorkingDays: 5,
  reminders: { version: VERSION, remindAfterWorkingDays: 3, escalateAfterWorkingDays: null, escalateTo: null },
  subject,
  link,
  sampleData: (_c, s) => (s.context.pendingGradeMove ? { month: s.context.pendingGradeMove.month, indicator: 'payment_record', reason: '回款及时' } : null),
};

const pendingProofs = (s: State) => Object.entries(s.context.renewalProofs).filter(([, p]) => p.status === 'pending').map(([documentId]) => documentId);

/** R-EVAL-1: proof that a renewal is under way waits for the sales department, never its own filer. */
const renewalProofTask: TaskDeclaration<CustomerContext> = {
  type: 'customer.renewal-proof',
  title: '换证证明待销售部审核',
  step: 'renewal-proof',
  states: ['open'],
  keysOf: pendingProofs,
  openWhen: (s) => pendingProofs(s).length > 0,
  holders: (s, key) => ({ roles: ['sales_reviewer'], assignee: null, excluded: s.context.renewalProofs[key] ? [s.context.renewalProofs[key].filedBy] : [] }),
  delegable: true,
  commands: ['ApproveRenewalProof', 'RejectRenewalProof'],
  dueWorkingDays: 3,
  reminders: { version: VERSION, remindAfterWorkingDays: 2, escalateAfterWorkingDays: null, escalateTo: null },
  subject,
  link,
  sampleData: (commandType, _s, _a, key) => (commandType === 'ApproveRenewalProof' ? { documentId: key } : { documentId: key, comment: '证明不足' }),
};

/** R-ARC-1 (ADR 0024): a rename or re-registration waits for the sales department, never its own requester. */
const identityChangeTask: TaskDeclaration<CustomerContext> = {
  type: 'customer.identity-change',
  title: '客户更名或统一社会信用代码变更待销售部审批',
  step: 'identity-change',
  states: ['open'],
  openWhen: (s) => s.context.pendingIdentityChange !== null,
  holders: (s) => ({ roles: ['sales_reviewer'], assignee: null, excluded: s.context.pendingIdentityChange ? [s.context.pendingIdentityChange.requestedBy] : [] }),
  delegable: true,
  commands: ['ApproveIdentityChange', 'RejectIdentityChange'],
  dueWorkingDays: 3,
  reminders: { version: VERSION, remindAfterWorkingDays: 2, escalateAfterWorkingDays: null, escalateTo: null },
  subject,
  link,
  sampleData: (commandType, s) => {
    const requestId = s.context.pendingIdentityChange?.requestId;
    if (!requestId) return null;
    return commandType === 'ApproveIdentityChange' ? { requestId } : { requestId, comment: '证明材料不足' };
  },
};

export const customerTasks: readonly TaskDeclaration<CustomerContext>[] = [disqualificationTask, renewalTask, confirmGradeTask, renewalProofTask, identityChangeTask];
