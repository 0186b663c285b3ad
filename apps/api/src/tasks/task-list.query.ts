import type { WorkingCalendar } from '@crm/calendar';
import type { Kysely } from 'kysely';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import type { TaskListQuery } from './task.bodies';
import { TASKS_TABLE } from './task.tables';
import { taskView } from './task.view';
import { holdsNothing, type TaskViewer, visibleTasks } from './task-visibility';

type Filters = Pick<TaskListQuery, 'type' | 'customerId' | 'dueBefore' | 'overdue'>;

function filtered(db: Kysely<any>, viewer: TaskViewer, f: Filters, now: Date, withType: boolean) {
  let q = visibleTasks(db.selectFrom(TASKS_TABLE), viewer);
  if (withType && f.type) q = q.where(`${TASKS_TABLE}.task_type`, '=', f.type);
  if (f.customerId) q = q.where(`${TASKS_TABLE}.customer_id`, '=', f.customerId);
  if (f.dueBefore) q = q.where(`${TASKS_TABLE}.due_at`, '<=', new Date(f.dueBefore).toISOString());
  if (f.overdue !== undefined) q = f.overdue ? q.where(`${TASKS_TABLE}.due_at`, '<', now.toISOString()) : q.where((eb) => eb.or([eb(`${TASKS_TABLE}.due_at`, 'is', null), eb(`${TASKS_TABLE}.due_at`, '>=', now.toISOString())]));
  return q;
}

/**
 * GET /tasks: the caller's open tasks across every workflow, filtered, sorted and paged, with the
 * count per type (the type filter left out, so the navigation can show every count at once).
 */
export async function listTasks(db: Kysely<any>, viewer: TaskViewer, query: TaskListQuery, now: Date, calendar: WorkingCalendar) {
  const empty = { total: 0, counts: {} as Record<string, number>, limit: query.limit, offset: query.offset, asOf: now.toISOString(), items: [] as ReturnType<typeof taskView>[] };
  if (holdsNothing(viewer.actor)) return empty;
  const countRows = await filtered(db, viewer, query, now, false)
    .select([`${TASKS_TABLE}.task_type as type`, (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(`${TASKS_TABLE}.task_type`)
    .execute();
  const counts = Object.fromEntries(countRows.map((r: any) => [r.type as string, Number(r.n)]));
  const total = query.type ? (counts[query.type] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  let page = filtered(db, viewer, query, now, true)
    .leftJoin(CUSTOMERS_TABLE, `${CUSTOMERS_TABLE}.customer_id`, `${TASKS_TABLE}.customer_id`)
    .selectAll(TASKS_TABLE)
    .select(`${CUSTOMERS_TABLE}.name as customer_name`);
  if (query.sort === 'due') page = page.orderBy((eb) => eb.case().when(`${TASKS_TABLE}.due_at`, 'is', null).then(1).else(0).end()).orderBy(`${TASKS_TABLE}.due_at`);
  page = page.orderBy(`${TASKS_TABLE}.opened_at`, query.sort === '-opened' ? 'desc' : 'asc').orderBy(`${TASKS_TABLE}.task_id`);
  const rows = await page.limit(query.limit).offset(query.offset).execute();
  return { ...empty, total, counts, items: rows.map((row) => taskView(row, calendar, now, viewer.actor.id)) };
}
