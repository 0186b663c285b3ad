import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import type { PlanContext } from './plan.context';

/**
 * R-DEV-2: an approved plan's deadline is a durable timer; when it passes, the targets not yet
 * achieved are recorded as not achieved. Only approved plans run against their deadline.
 */
export function planDeadlines(state: WorkflowState<PlanContext>): DeadlineSpec[] {
  const deadline = state.context.content?.deadline;
  if (state.state !== 'approved' || !deadline || state.context.deadlinePassedFor === deadline) return [];
  return [{ key: 'plan-deadline', dueAt: deadline, command: { type: 'MarkPlanDeadlinePassed', data: { deadline } } }];
}
