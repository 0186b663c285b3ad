import type { TaskDeclaration, TaskReminderPolicy, WorkflowState } from '@crm/workflow-kit';
import { requiredAdmission } from './onboarding.admission';
import type { OnboardingContext } from './onboarding.context';
import { approversOfOtherSteps, interestedParties } from './onboarding.policy';
import { STEP_ROLE } from './onboarding.rules';
import type { ReviewStep } from './onboarding.shapes';

type State = WorkflowState<OnboardingContext>;

/**
 * The policy fixes no time for a review step (篇4 第七条 only orders them), so these are the
 * company's own reminder data: a day idle reminds the reviewer, three tell the general manager.
 */
const REVIEW_REMINDERS: TaskReminderPolicy = { version: 'onboarding-tasks-2026-12', remindAfterWorkingDays: 1, escalateAfterWorkingDays: 3, escalateTo: 'general_manager' };
const GM_REMINDERS: TaskReminderPolicy = { ...REVIEW_REMINDERS, escalateAfterWorkingDays: null, escalateTo: null };

const TITLES: Record<ReviewStep, string> = { sales: '开户申请待销售部审核', finance: '开户申请待财务审核', generalManager: '开户申请待总经理审批' };
const STATE_OF: Record<ReviewStep, string> = { sales: 'review.sales', finance: 'review.finance', generalManager: 'review.generalManager' };

const subject = (s: State) => ({ customerId: null, name: s.context.form?.companyName ?? null });

function sampleDecision(step: ReviewStep, commandType: string, s: State): Record<string, unknown> | null {
  if (commandType === 'RejectStep') return { step, reason: '资料不全' };
  if (commandType === 'ReturnForRevision') return { step, comment: '请补充资料' };
  if (commandType !== 'ApproveStep') return null;
  if (step === 'finance') return { step, checked: { taxRegistration: true, invoicingData: true } };
  const form = s.context.form;
  const admission = step === 'sales' && form ? requiredAdmission(form.productLine, form.customerClass).map((criterion) => ({ criterion, evidence: '已核实' })) : [];
  return admission.length ? { step, admission } : { step };
}

/** R-ONB-3: each review step is a task for its department; the guards' exclusions (ONB-SELF, ONB-SOD) are its excluded people. */
function reviewTask(step: ReviewStep): TaskDeclaration<OnboardingContext> {
  return {
    type: `onboarding.${step}`,
    title: TITLES[step],
    step,
    states: [STATE_OF[step]],
    holders: (s) => ({
      roles: [STEP_ROLE[step]],
      assignee: s.context.pending?.assignee ?? null,
      excluded: [...interestedParties(s.context), ...approversOfOtherSteps(s.context, step)],
    }),
    delegable: true,
    targets: (data) => data.step === step,
    commands: ['ApproveStep', 'RejectStep', 'ReturnForRevision'],
    dueWorkingDays: null,
    reminders: step === 'generalManager' ? GM_REMINDERS : REVIEW_REMINDERS,
    // SendStepReminder's instant: the step's own reminder (StepReminderSent) and the task's notice (TaskReminded) fall together
    remindAtOf: (s) => s.context.pending?.reminderDueAt ?? null,
    subject,
    link: (id) => ({ console: `/#/inbox/${encodeURIComponent(id)}`, api: `/applications/${encodeURIComponent(id)}` }),
    reassignCommand: (_s, to, reason) => ({ type: 'ReassignStep', data: { step, to, ...(reason ? { reason } : {}) } }),
    sampleData: (commandType, s) => sampleDecision(step, commandType, s),
  };
}

/** A returned application goes back to its applicant (the customer manager who filed it) to amend and resubmit. */
const returnedTask: TaskDeclaration<OnboardingContext> = {
  type: 'onboarding.returned',
  title: '开户申请被退回待修改',
  step: 'returned',
  states: ['returned'],
  holders: (s) => ({ roles: ['customer_manager'], assignee: s.context.applicantId, excluded: [] }),
  delegable: false,
  commands: ['SubmitApplication', 'AmendApplication', 'WithdrawApplication'],
  dueWorkingDays: null,
  reminders: { version: 'onboarding-tasks-2026-12', remindAfterWorkingDays: 3, escalateAfterWorkingDays: null, escalateTo: null },
  subject,
  link: (id) => ({ console: `/#/new-application/${encodeURIComponent(id)}`, api: `/applications/${encodeURIComponent(id)}` }),
  sampleData: (commandType) => (commandType === 'SubmitApplication' ? {} : null),
};

export const onboardingTasks: readonly TaskDeclaration<OnboardingContext>[] = [reviewTask('sales'), reviewTask('finance'), reviewTask('generalManager'), returnedTask];
