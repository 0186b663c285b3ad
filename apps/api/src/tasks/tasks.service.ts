import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ProjectionRunner, ReadModelDb, TaskReassigned, WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import { shanghaiDate } from '@crm/onboarding';
import { type Actor, DomainRuleViolation, NotPermitted, taskDeclaration } from '@crm/workflow-kit';
import { sql } from 'kysely';
import { UserDirectory } from '../auth/user-directory';
import { CalendarService } from '../calendar/calendar.service';
import { CustomerAccess, isManagerScoped } from '../customers/customer-access';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { DELEGATIONS_TABLE, notRevoked } from '../onboarding/delegations.projection';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { CommandServices } from '../workflows/command-services';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../workflows/workflow.tokens';
import type { OpenTasksQuery, TaskListQuery } from './task.bodies';
import { TASK_ROLES_TABLE, TASKS_PROJECTION, TASKS_TABLE } from './task.tables';
import { taskView } from './task.view';
import { listTasks } from './task-list.query';
import { probeCommands } from './task-probe';
import { holdsNothing, visibleHolders } from './task-visibility';

const READS_ANY_TASK = ['administrator', 'auditor'];

/** The tasks read side (list, detail with what the caller may send) and the administrator's reassignment. */
@Injectable()
export class TasksService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarService,
    private readonly users: UserDirectory,
    private readonly commandServices: CommandServices,
    private readonly access: CustomerAccess,
  ) {}

  private get probes() {
    return { engine: this.engine, registry: this.registry, services: this.commandServices };
  }

  async list(actor: Actor, query: TaskListQuery) {
    await waitForProjections(this.runner, [TASKS_PROJECTION], query.minPosition);
    const now = this.clock.now();
    const page = await listTasks(this.readModels.db, { actor, delegators: await this.delegatorsOf(actor.id, now) }, query, now, await this.calendars.current());
    return { ...page, people: await this.peopleOf(page.items.flatMap((t) => [t.assignee, t.onBehalfOf])) };
  }

  /**
   * Every open task, whoever holds it, most urgent first: what an administrator picks from to
   * reassign (issue 16's screen), with the assignees by name.
   */
  async listOpen(query: OpenTasksQuery) {
    await waitForProjections(this.runner, [TASKS_PROJECTION], query.minPosition);
    const now = this.clock.now();
    const calendar = await this.calendars.current();
    const rows = await this.readModels.db
      .selectFrom(TASKS_TABLE)
      .leftJoin(CUSTOMERS_TABLE, `${CUSTOMERS_TABLE}.customer_id`, `${TASKS_TABLE}.customer_id`)
      .selectAll(TASKS_TABLE)
      .select(`${CUSTOMERS_TABLE}.name as customer_name`)
      .where(`${TASKS_TABLE}.status`, '=', 'open')
      // no due time sorts last on either engine (SQLite and PostgreSQL disagree on where NULL goes)
      .orderBy(sql`coalesce(${sql.ref(`${TASKS_TABLE}.due_at`)}, '9999')`)
      .orderBy(`${TASKS_TABLE}.opened_at`)
      .orderBy(`${TASKS_TABLE}.task_id`)
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const items = rows.map((row) => taskView(row, calendar, now, ''));
    return { items, limit: query.limit, offset: query.offset, people: await this.peopleOf(items.map((t) => t.assignee)) };
  }

  /** The people a page names (assignees, whom a delegate acts for), as the console shows them: 姓名（角色）. */
  private async peopleOf(ids: Array<string | null>): Promise<Record<string, { name: string; roles: string[] }>> {
    const people: Record<string, { name: string; roles: string[] }> = {};
    for (const id of new Set(ids.filter((x): x is string => x !== null))) {
      const user = await this.users.current(id);
      if (user) people[id] = { name: user.name, roles: user.roles };
    }
    return people;
  }

  async detail(actor: Actor, taskId: string) {
    const now = this.clock.now();
    const row = await this.row(taskId);
    const mine = await this.isListed(actor, taskId, now);
    const couldHold = JSON.parse(row.roles).some((r: string) => actor.roles.includes(r as never));
    if (!mine && !actor.roles.some((r) => READS_ANY_TASK.includes(r)) && !(row.status !== 'open' && couldHold)) throw notFound(taskId);
    // a closed task one's role could have held is readable, but never on another manager's customer (R-KAM-2)
    if (!mine && isManagerScoped(actor) && row.customer_id) await this.access.assertMayRead(actor, row.customer_id);
    const view = taskView(row, await this.calendars.current(), now, actor.id);
    const task = { workflow: row.workflow, instanceId: row.instance_id, taskType: row.task_type, key: row.task_key, assignee: row.assignee };
    const commands = row.status === 'open' && mine ? await probeCommands(this.probes, task, actor, now.toISOString()) : [];
    return { ...view, mine, commands, people: await this.peopleOf([view.assignee, view.onBehalfOf, view.completion?.by ?? null, view.completion?.onBehalfOf ?? null]) };
  }

  /**
   * An administrator hands an open task to a person the guards allow: their dry run of the task's
   * command must pass (TASK-REASSIGN otherwise). A workflow that keeps its own assignee gets its
   * command (onboarding's ReassignStep); any other task records TaskReassigned in its stream.
   */
  async reassign(actor: Actor, taskId: string, to: string, reason: string | null) {
    if (!actor.roles.includes('administrator')) throw new NotPermitted('TASK-REASSIGN', 'only an administrator reassigns a task');
    const row = await this.row(taskId);
    if (row.status !== 'open') throw new DomainRuleViolation('TASK-REASSIGN', `the task is ${row.status}`, 'taskId');
    const user = await this.users.current(to);
    if (!user || user.disabled) throw new DomainRuleViolation('TASK-REASSIGN', `${to} is not an active user`, 'to');
    const target: Actor = { id: user.id, name: user.name, roles: user.roles };
    const now = this.clock.now().toISOString();
    const { workflow, services } = this.registry.get(row.workflow);
    const declaration = taskDeclaration(workflow, row.task_type);
    const meta = { actor, now };
    // a workflow that keeps its own assignee refuses an ineligible one in its decider (onboarding: ONB-SELF, ONB-SOD)
    if (declaration?.reassignCommand) {
      const { state } = await this.engine.load(workflow, row.instance_id);
      const command = declaration.reassignCommand(state, to, reason);
      return this.engine.execute(workflow, row.instance_id, { ...command, meta }, services);
    }
    const [primary] = await this.probeFor(row, target, now, declaration?.commands[0]);
    if (!primary?.allowed) throw new DomainRuleViolation('TASK-REASSIGN', `${to} could not complete this task (${primary?.refusedBy ?? 'no command'})`, 'to');
    const data: TaskReassigned = { taskId, taskType: row.task_type, workflow: row.workflow, instanceId: row.instance_id, from: row.assignee ?? null, to, by: actor.id, reason, at: now };
    return this.engine.appendEngineEvents(workflow, row.instance_id, { type: 'ReassignTask', data: { taskId, to }, meta }, () => [{ type: 'TaskReassigned', data }]);
  }

  private probeFor(row: Record<string, any>, target: Actor, now: string, only?: string) {
    const task = { workflow: row.workflow, instanceId: row.instance_id, taskType: row.task_type, key: row.task_key };
    return probeCommands(this.probes, task, target, now, { only, ignoreTaskAssignee: true });
  }

  private async row(taskId: string): Promise<Record<string, any>> {
    const row = await this.readModels.db.selectFrom(TASKS_TABLE).selectAll().where('task_id', '=', taskId).executeTakeFirst();
    if (!row) throw notFound(taskId);
    return row;
  }

  private async isListed(actor: Actor, taskId: string, now: Date): Promise<boolean> {
    if (holdsNothing(actor)) return false;
    const viewer = { actor, delegators: await this.delegatorsOf(actor.id, now) };
    const hit = await visibleHolders(this.readModels.db, viewer).select(`${TASK_ROLES_TABLE}.task_id`).where(`${TASK_ROLES_TABLE}.task_id`, '=', taskId).executeTakeFirst();
    return hit !== undefined;
  }

  /** Whoever delegated to `me` for today (China date) and has not revoked it. */
  async delegatorsOf(me: string, now: Date): Promise<string[]> {
    const today = shanghaiDate(now.toISOString());
    const rows = await this.readModels.db
      .selectFrom(DELEGATIONS_TABLE).select('delegator_id').where('delegate_id', '=', me)
      .where('valid_from', '<=', today).where('valid_until', '>=', today).where(notRevoked).execute();
    return [...new Set(rows.map((r) => r.delegator_id as string))];
  }

  /** For the engine: may `delegateId` act for `delegatorId` in one of `roles` at `now`? */
  async covers(delegateId: string, delegatorId: string, roles: readonly string[], now: string): Promise<boolean> {
    const today = shanghaiDate(now);
    const row = await this.readModels.db
      .selectFrom(DELEGATIONS_TABLE).select('delegation_id').where('delegate_id', '=', delegateId).where('delegator_id', '=', delegatorId)
      .where('role', 'in', roles.length ? [...roles] : ['-']).where('valid_from', '<=', today).where('valid_until', '>=', today).where(notRevoked).executeTakeFirst();
    return row !== undefined;
  }
}

const notFound = (taskId: string) => new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no task ${taskId} of yours`, rule: 'NOT-FOUND' });
