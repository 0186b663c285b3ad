import { type Actor, incompatibleRoles } from '@crm/workflow-kit';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { isManagerScoped } from '../customers/customer-access';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { TASK_EXCLUSIONS_TABLE, TASK_ROLES_TABLE, TASKS_TABLE } from './task.tables';

/** Who asks: the actor, and the people whose delegation they hold today. */
export interface TaskViewer {
  actor: Actor;
  delegators: readonly string[];
}

/** An account holding roles that must stay apart decides nothing (SOD-ROLES): it holds no task either. */
export const holdsNothing = (actor: Actor): boolean => actor.system === true || actor.roles.length === 0 || incompatibleRoles(actor.roles) !== null;

/**
 * The open tasks the viewer may complete, as the guards decide it: one of the task's roles; the
 * named assignee (or a delegation from them) when there is one; never a person the guards exclude
 * (ONB-SELF, ONB-SOD, CMP-SELF, DEV-SELF, VISIT-SELF); a plain customer manager only on their own
 * customers (R-KAM-2). The list is an indexed query on these, not a dry run per task.
 */
export function visibleTasks<O>(query: SelectQueryBuilder<any, any, O>, viewer: TaskViewer): SelectQueryBuilder<any, any, O> {
  const { actor, delegators } = viewer;
  let q = query
    .where(`${TASKS_TABLE}.status`, '=', 'open')
    .where(`${TASKS_TABLE}.task_id`, 'in', (eb: ExpressionBuilder<any, any>) => eb.selectFrom(TASK_ROLES_TABLE).select('task_id').where('role', 'in', actor.roles))
    .where((eb) =>
      eb.or([
        eb(`${TASKS_TABLE}.assignee`, 'is', null),
        eb(`${TASKS_TABLE}.assignee`, '=', actor.id),
        ...(delegators.length ? [eb.and([eb(`${TASKS_TABLE}.assignee`, 'in', delegators), eb(`${TASKS_TABLE}.delegable`, '=', 1)])] : []),
      ]),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom(TASK_EXCLUSIONS_TABLE).select('task_id').whereRef(`${TASK_EXCLUSIONS_TABLE}.task_id`, '=', `${TASKS_TABLE}.task_id`).where('user_id', '=', actor.id))),
    );
  if (isManagerScoped(actor)) {
    q = q.where((eb) =>
      eb.or([
        eb(`${TASKS_TABLE}.customer_id`, 'is', null),
        eb(`${TASKS_TABLE}.customer_id`, 'in', eb.selectFrom(CUSTOMERS_TABLE).select('customer_id').where('customer_manager_id', '=', actor.id)),
      ]),
    );
  }
  return q;
}
