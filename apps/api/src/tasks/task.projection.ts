import type { Projection, ReadModelDialect, TaskCancelled, TaskCompleted, TaskOpened, TaskReassigned, TaskReminded, TaskUpdated } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { TASK_EXCLUSIONS_TABLE, TASK_ROLES_TABLE, TASKS_PROJECTION, TASKS_TABLE } from './task.tables';

type Trx = Kysely<any>;

/**
 * The holders of an open task, one row per role, carrying what the list filters and sorts on, so that
 * "my tasks" is answered from one covering index without touching the tasks table (bench: tasks).
 */
async function syncHolders(trx: Trx, taskId: string): Promise<void> {
  await trx.deleteFrom(TASK_ROLES_TABLE).where('task_id', '=', taskId).execute();
  await trx.deleteFrom(TASK_EXCLUSIONS_TABLE).where('task_id', '=', taskId).execute();
  const row = await trx.selectFrom(TASKS_TABLE).selectAll().where('task_id', '=', taskId).executeTakeFirst();
  if (!row || row.status !== 'open') return;
  const roles = JSON.parse(row.roles) as string[];
  const excluded = JSON.parse(row.excluded) as string[];
  const shared = {
    task_id: taskId, task_type: row.task_type, assignee: row.assignee, delegable: row.delegable, customer_id: row.customer_id,
    // due order with "no due time" last, in one sortable column
    due_sort: row.due_at ?? '9999', opened_at: row.opened_at, has_exclusions: excluded.length > 0 ? 1 : 0,
  };
  if (roles.length) await trx.insertInto(TASK_ROLES_TABLE).values(roles.map((role) => ({ holder_id: `${taskId}:${role}`, role, ...shared }))).execute();
  if (excluded.length) await trx.insertInto(TASK_EXCLUSIONS_TABLE).values(excluded.map((user_id) => ({ holder_id: `${taskId}:${user_id}`, task_id: taskId, user_id }))).execute();
}

const isOpen = async (trx: Trx, taskId: string) =>
  (await trx.selectFrom(TASKS_TABLE).select('status').where('task_id', '=', taskId).executeTakeFirst())?.status === 'open';

async function opened(trx: Trx, d: TaskOpened, event: StoredEvent): Promise<void> {
  const exists = await trx.selectFrom(TASKS_TABLE).select('task_id').where('task_id', '=', d.taskId).executeTakeFirst();
  if (exists) return;
  await trx
    .insertInto(TASKS_TABLE)
    .values({
      task_id: d.taskId, stream_id: event.streamId, workflow: d.workflow, instance_id: d.instanceId, task_type: d.taskType, task_key: d.key,
      step: d.step, title: d.title, status: 'open', roles: JSON.stringify(d.roles), assignee: d.assignee, excluded: JSON.stringify(d.excluded),
      delegable: d.delegable ? 1 : 0, commands: JSON.stringify(d.commands), customer_id: d.subject.customerId, subject_name: d.subject.name,
      console_link: d.link.console, api_link: d.link.api, opened_at: d.openedAt, due_at: d.dueAt, remind_at: d.remindAt, escalate_at: d.escalateAt,
      policy_version: d.policy.version, opened_position: event.position,
    })
    .execute();
  await syncHolders(trx, d.taskId);
}

async function closed(trx: Trx, type: string, d: TaskCompleted | TaskCancelled): Promise<void> {
  if (!(await isOpen(trx, d.taskId))) return;
  const completed = type === 'TaskCompleted' ? (d as TaskCompleted) : null;
  await trx
    .updateTable(TASKS_TABLE)
    .set({
      status: completed ? 'completed' : 'cancelled', closed_by: d.by, closed_by_name: completed?.byName ?? null, closed_on_behalf_of: completed?.onBehalfOf ?? null,
      closed_command: d.commandType, closed_events: JSON.stringify(d.eventTypes), closed_at: d.at,
    })
    .where('task_id', '=', d.taskId)
    .execute();
  await syncHolders(trx, d.taskId);
}

async function apply(event: StoredEvent, trx: Trx): Promise<void> {
  const data = event.data as never;
  switch (event.type) {
    case 'TaskOpened':
      return opened(trx, data as TaskOpened, event);
    case 'TaskUpdated': {
      const d = data as TaskUpdated;
      if (!(await isOpen(trx, d.taskId))) return;
      await trx.updateTable(TASKS_TABLE).set({ assignee: d.assignee, roles: JSON.stringify(d.roles), excluded: JSON.stringify(d.excluded), due_at: d.dueAt }).where('task_id', '=', d.taskId).execute();
      return syncHolders(trx, d.taskId);
    }
    case 'TaskReassigned': {
      const d = data as TaskReassigned;
      await trx.updateTable(TASKS_TABLE).set({ assignee: d.to }).where('task_id', '=', d.taskId).where('status', '=', 'open').execute();
      return syncHolders(trx, d.taskId);
    }
    case 'TaskCompleted':
    case 'TaskCancelled':
      return closed(trx, event.type, data as TaskCompleted);
    case 'TaskReminded':
    case 'TaskEscalated': {
      const column = event.type === 'TaskReminded' ? 'reminded_at' : 'escalated_at';
      await trx.updateTable(TASKS_TABLE).set({ [column]: event.metadata.occurredAt }).where('task_id', '=', (data as TaskReminded).taskId).execute();
      return;
    }
  }
}

async function migrate(db: Trx, dialect: ReadModelDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  let table = db.schema.createTable(TASKS_TABLE).ifNotExists().addColumn('task_id', 'text', (c) => c.primaryKey());
  for (const name of ['stream_id', 'workflow', 'instance_id', 'task_type', 'task_key', 'step', 'title', 'status', 'roles', 'excluded', 'commands', 'console_link', 'api_link', 'opened_at', 'policy_version'])
    table = table.addColumn(name, 'text', (c) => c.notNull());
  for (const name of ['assignee', 'customer_id', 'subject_name', 'due_at', 'remind_at', 'escalate_at', 'reminded_at', 'escalated_at', 'closed_by', 'closed_by_name', 'closed_on_behalf_of', 'closed_command', 'closed_events', 'closed_at'])
    table = table.addColumn(name, 'text');
  await table.addColumn('delegable', 'integer', (c) => c.notNull()).addColumn('opened_position', big, (c) => c.notNull()).execute();
  await db.schema.createIndex('tasks_status_opened').ifNotExists().on(TASKS_TABLE).columns(['status', 'opened_at']).execute();
  await db.schema.createIndex('tasks_stream').ifNotExists().on(TASKS_TABLE).columns(['stream_id', 'status']).execute();
  let holders = db.schema.createTable(TASK_ROLES_TABLE).ifNotExists().addColumn('holder_id', 'text', (c) => c.primaryKey());
  for (const name of ['task_id', 'role', 'task_type', 'due_sort', 'opened_at']) holders = holders.addColumn(name, 'text', (c) => c.notNull());
  await holders.addColumn('assignee', 'text').addColumn('customer_id', 'text').addColumn('delegable', 'integer', (c) => c.notNull()).addColumn('has_exclusions', 'integer', (c) => c.notNull()).execute();
  // covering: counts per type and the due-ordered page read the index alone
  await db.schema.createIndex('task_roles_list').ifNotExists().on(TASK_ROLES_TABLE)
    .columns(['role', 'task_type', 'due_sort', 'opened_at', 'task_id', 'assignee', 'delegable', 'customer_id', 'has_exclusions']).execute();
  await db.schema.createIndex('task_roles_task').ifNotExists().on(TASK_ROLES_TABLE).columns(['task_id']).execute();
  await db.schema.createTable(TASK_EXCLUSIONS_TABLE).ifNotExists().addColumn('holder_id', 'text', (c) => c.primaryKey()).addColumn('task_id', 'text', (c) => c.notNull()).addColumn('user_id', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('task_exclusions_lookup').ifNotExists().on(TASK_EXCLUSIONS_TABLE).columns(['task_id', 'user_id']).execute();
}

/**
 * Every human task of every workflow (docs/adr/0015-human-tasks.md), from the engine's task facts:
 * one row per task, open or closed, and the holders of the open ones (roles, excluded people) in
 * their own tables so that "my tasks" is an indexed query. Every write is keyed and guarded by the
 * task's status, so applying an event twice changes nothing.
 */
export const taskProjection: Projection = {
  name: TASKS_PROJECTION,
  version: 1,
  eventTypes: ['TaskOpened', 'TaskUpdated', 'TaskReassigned', 'TaskCompleted', 'TaskCancelled', 'TaskReminded', 'TaskEscalated'],
  tables: [
    { name: TASKS_TABLE, orderBy: 'task_id' },
    { name: TASK_ROLES_TABLE, orderBy: 'holder_id' },
    { name: TASK_EXCLUSIONS_TABLE, orderBy: 'holder_id' },
  ],
  migrate,
  async reset(trx) {
    for (const t of [TASKS_TABLE, TASK_ROLES_TABLE, TASK_EXCLUSIONS_TABLE]) await trx.deleteFrom(t).execute();
  },
  apply,
};
