import type { PersonRef, WorkflowState } from '@crm/workflow-kit';
import { DevelopmentRule, PROSPECT_KEEPER_ROLES } from './development.rules';
import type { PlanCommand } from './plan.commands';
import type { PlanContext } from './plan.context';

/**
 * R-DEV-2 分解至客户经理组织实施: every manager a target is split to must be an active customer
 * manager when the plan is drafted or revised, so no target waits on someone who cannot carry it out.
 */
export function planPeople(command: PlanCommand, _state: WorkflowState<PlanContext>): PersonRef[] {
  if (command.type !== 'DraftDevelopmentPlan' && command.type !== 'ReviseDevelopmentPlan') return [];
  return command.data.targets.flatMap((t, i) =>
    t.customerManagerId ? [{ userId: t.customerManagerId, roles: PROSPECT_KEEPER_ROLES, field: `targets.${i}.customerManagerId`, ruleId: DevelopmentRule.plan }] : [],
  );
}
