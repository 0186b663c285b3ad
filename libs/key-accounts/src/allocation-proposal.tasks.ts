import type { TaskDeclaration } from '@crm/workflow-kit';
import type { AllocationContext } from './allocation-proposal.context';
import { parseAllocationId } from './allocation-id';

const link = (id: string) => {
  const parsed = parseAllocationId(id);
  const month = parsed?.month ?? id;
  const api = parsed?.productLine ? `/allocations/${month}/${parsed.productLine}` : `/allocations/${month}`;
  return { console: `/#/allocations?month=${encodeURIComponent(month)}`, api };
};
const VERSION = 'allocation-tasks-2026-12';

/**
 * R-EVAL-2 (月度产品资源量分配情况向公司经营例会汇报): the month's allocation is approved by the general
 * manager before the month starts; a returned one goes back to the sales department to propose again.
 */
export const allocationTasks: readonly TaskDeclaration<AllocationContext>[] = [
  {
    type: 'resource-allocation.approve',
    title: '月度资源量分配方案待总经理审批',
    step: 'approve',
    states: ['draft'],
    holders: () => ({ roles: ['general_manager'], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['ApproveAllocation', 'ReturnAllocation'],
    dueWorkingDays: 2,
    reminders: { version: VERSION, remindAfterWorkingDays: 1, escalateAfterWorkingDays: null, escalateTo: null },
    subject: () => ({ customerId: null, name: null }),
    link,
    sampleData: (commandType, s) => (commandType === 'ApproveAllocation' ? { round: s.context.round } : { round: s.context.round, reason: '请调整' }),
  },
  {
    type: 'resource-allocation.propose-again',
    title: '资源量分配方案被退回待重新编制',
    step: 'propose-again',
    states: ['returned'],
    holders: () => ({ roles: ['sales_reviewer'], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['ProposeAllocation'],
    dueWorkingDays: 2,
    reminders: { version: VERSION, remindAfterWorkingDays: 1, escalateAfterWorkingDays: 2, escalateTo: 'general_manager' },
    subject: () => ({ customerId: null, name: null }),
    link,
  },
];
