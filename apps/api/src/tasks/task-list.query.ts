import type { WorkingCalendar } from '@crm/calendar';
import type { Kysely } from 'kysely';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import type { TaskListQuery } from './task.bodies';
import { TASK_ROLES_TABLE, TASKS_TABLE } from './task.tables';
import { taskView } from './task.view';
import { holdsNothing, type TaskViewer, visibleHolders } from './task-visibility';

type Filters = Pick<TaskListQuery, 'type' | 'customerId' | 'dueBefore' | 'overdue'>;
const H = TASK_ROLES_TABLE;

function filtered(db: Kysely<any>, viewer: TaskViewer, f: Filters, now: Date, withType: boolean) {
  let q = visibleHolders(db, viewer);
  if (withType && f.type) q = q.where(`${H}.task_type`, '=', f.type);
  if (f.customerId) q = q.where(`${H}.customer_id`, '=', f.customerId);
  // no due time sorts as '9999': never due before anything, never overdue
  if (f.dueBefore) q = q.where(`${H}.due_sort`, '<=', new Date(f.dueBefore).toISOString());
  if (f.overdue !== undefined) q = q.where(`${H}.due_sort`, f.overdue ? '<' : '>=', now.toISOString());
  return q;
}

/**
 * GET /tasks: the caller's open tasks across every workflow, filtered, sorted and paged, with the
 * count per type (the type filter left out, so the navigation can show every count at once). Both
 * run on the holders' covering index; only the page's rows are read from the tasks table.
 */
export async function listTasks(db: Kysely<any>, viewer: TaskViewer, query: TaskListQuery, now: Date, calendar: WorkingCalendar) {
  const empty = { total: 0, counts: {} as Record<string, number>, limit: query.limit, offset: query.offset, asOf: now.toISOString(), items: [] as ReturnType<typeof taskView>[] };
  if (holdsNothing(viewer.actor)) return empty;
  // a holder row is a task and one of its roles: a viewer with one role sees a task at most once,
  // and only a viewer with several needs the DISTINCT (a temporary B-tree over every row they hold)
  const once = viewer.actor.roles.length === 1;
  const countRows = await filtered(db, viewer, query, now, false)
    .select([`${H}.task_type as type`, (eb) => (once ? eb.fn.countAll<number>() : eb.fn.count<number>(`${H}.task_id`).distinct()).as('n')])
    .groupBy(`${H}.task_type`)
    .execute();
  const counts = Object.fromEntries(countRows.map((r: any) => [r.type as string, Number(r.n)]));
  const total = query.type ? (counts[query.type] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  let page = filtered(db, viewer, query, now, true).select([`${H}.task_id`, `${H}.due_sort`, `${H}.opened_at`]);
  if (!once) page = page.distinct();
  if (query.sort === 'due') page = page.orderBy(`${H}.due_sort`);
  page = page.orderBy(`${H}.opened_at`, query.sort === '-opened' ? 'desc' : 'asc').orderBy(`${H}.task_id`);
  const ids = (await page.limit(query.limit).offset(query.offset).execute()).map((r: any) => r.task_id as string);
  if (ids.length === 0) return { ...empty, total, counts };
  const rows = await db
    .selectFrom(TASKS_TABLE)
    .leftJoin(CUSTOMERS_TABLE, `${CUSTOMERS_TABLE}.customer_id`, `${TASKS_TABLE}.customer_id`)
    .selectAll(TASKS_TABLE)
    .select(`${CUSTOMERS_TABLE}.name as customer_name`)
    .where(`${TASKS_TABLE}.task_id`, 'in', ids)
    .execute();
  const byId = new Map(rows.map((r: any) => [r.task_id as string, r]));
  return { ...empty, total, counts, items: ids.map((id) => taskView(byId.get(id), calendar, now, viewer.actor.id)) };
}
