import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import { quarterEnd } from './plan.completion';
import type { PlanContext } from './plan.context';

/**
 * R-DEV-2: an approved plan's deadline is a durable timer; when it passes, the targets not yet
 * achieved are recorded as not achieved. Only approved plans run against their deadline.
 */
export function planDeadlines(state: WorkflowState<PlanContext>): DeadlineSpec[] {
  const quarter = state.context.content?.quarter;
  // R-DEV-2 根据完成情况进行考核兑现: once the plan concluded, its quarter's end opens the assessment
  if (state.state === 'concluded' && quarter && !state.context.assessment) {
    return [{ key: 'quarter-end', dueAt: quarterEnd(quarter), command: { type: 'OpenDevelopmentAssessment', data: { quarterEnd: quarterEnd(quarter) } } }];
  }
  const deadline = state.context.content?.deadline;
  if (state.state !== 'approved' || !deadline || state.context.deadlinePassedFor === deadline) return [];
  return [{ key: 'plan-deadline', dueAt: deadline, command: { type: 'MarkPlanDeadlinePassed', data: { deadline } } }];
}
