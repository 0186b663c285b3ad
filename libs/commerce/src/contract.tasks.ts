import type { TaskDeclaration, TaskReminderPolicy } from '@crm/workflow-kit';
import type { ContractContext } from './contract.context';

const REMINDERS: TaskReminderPolicy = { version: 'contract-tasks-2026-12', remindAfterWorkingDays: 2, escalateAfterWorkingDays: null, escalateTo: null };
const link = (id: string) => ({ console: '/#/customers', api: `/contracts/${encodeURIComponent(id)}` });
const subject = (s: { context: ContractContext }) => ({ customerId: s.context.customerId, name: null });

/** R-ARC-5: a drafted contract waits on a leader's approval (never the drafter's), an approved one on its signature. */
export const contractTasks: readonly TaskDeclaration<ContractContext>[] = [
  {
    type: 'sales-contract.approve', title: '销售合同待主管领导审批', step: 'approve', states: ['drafted'],
    holders: (s) => ({ roles: ['supervisor', 'general_manager'], assignee: null, excluded: s.context.draftedBy ? [s.context.draftedBy] : [] }),
    delegable: true, commands: ['ApproveContract'], dueWorkingDays: 3, reminders: REMINDERS, subject, link, sampleData: () => ({ comment: null }),
  },
  {
    type: 'sales-contract.sign', title: '销售合同待签订', step: 'sign', states: ['approved'],
    holders: () => ({ roles: ['sales_reviewer'], assignee: null, excluded: [] }),
    delegable: true, commands: ['SignContract'], dueWorkingDays: 5, reminders: REMINDERS, subject, link,
    sampleData: () => ({ signedOn: '2026-01-01', signedByCustomer: '客户代表' }),
  },
];
