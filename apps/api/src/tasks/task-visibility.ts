import { type Actor, incompatibleRoles } from '@crm/workflow-kit';
import type { Kysely } from 'kysely';
import { isManagerScoped } from '../customers/customer-access';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { TASK_EXCLUSIONS_TABLE, TASK_ROLES_TABLE } from './task.tables';

/** Who asks: the actor, and the people whose delegation they hold today. */
export interface TaskViewer {
  actor: Actor;
  delegators: readonly string[];
}

/** An account holding roles that must stay apart decides nothing (SOD-ROLES): it holds no task either. */
export const holdsNothing = (actor: Actor): boolean => actor.system === true || actor.roles.length === 0 || incompatibleRoles(actor.roles) !== null;

const H = TASK_ROLES_TABLE;

/**
 * The holder rows of the open tasks the viewer may complete, as the guards decide it: one of the
 * task's roles; the named assignee (or a delegation from them) when there is one; never a person the
 * guards exclude (ONB-SELF, ONB-SOD, CMP-SELF, DEV-SELF, VISIT-SELF); a plain customer manager only
 * on their own customers (R-KAM-2). An indexed query on these, not a dry run per task.
 */
export function visibleHolders(db: Kysely<any>, viewer: TaskViewer) {
  const { actor, delegators } = viewer;
  let q = db
    .selectFrom(H)
    .where(`${H}.role`, 'in', actor.roles)
    .where((eb) =>
      eb.or([
        eb(`${H}.assignee`, 'is', null),
        eb(`${H}.assignee`, '=', actor.id),
        ...(delegators.length ? [eb.and([eb(`${H}.assignee`, 'in', delegators), eb(`${H}.delegable`, '=', 1)])] : []),
      ]),
    )
    // most tasks exclude nobody: the probe runs only for those that do
    .where((eb) =>
      eb.or([
        eb(`${H}.has_exclusions`, '=', 0),
        eb.not(eb.exists(eb.selectFrom(TASK_EXCLUSIONS_TABLE).select('task_id').whereRef(`${TASK_EXCLUSIONS_TABLE}.task_id`, '=', `${H}.task_id`).where('user_id', '=', actor.id))),
      ]),
    );
  if (isManagerScoped(actor)) {
    q = q.where((eb) =>
      eb.or([eb(`${H}.customer_id`, 'is', null), eb(`${H}.customer_id`, 'in', eb.selectFrom(CUSTOMERS_TABLE).select('customer_id').where('customer_manager_id', '=', actor.id))]),
    );
  }
  return q;
}
