import { type WorkflowEngine, type WorkflowRegistry } from '@crm/engine';
import { type Actor, type AnyCommand, declaredTasks, taskDeclaration } from '@crm/workflow-kit';
import fc from 'fast-check';
import { UserDirectory } from '../../src/auth/user-directory';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { TasksService } from '../../src/tasks/tasks.service';
import { probeCommands } from '../../src/tasks/task-probe';
import { CommandServices } from '../../src/workflows/command-services';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../../src/workflows/workflow.tokens';
import { caughtUp } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Issue 15: the task list shows a task to exactly the people whose command the guards accept. Over
 * random worlds — applications, complaints, development plans, visit plans and disqualifications
 * moved along by random people through their own task commands — for EVERY open task and EVERY
 * person of the pool: listed by GET /tasks ⇔ a dry run of its command (engine guards: SOD-ROLES,
 * R-KAM-2, PERSON-ROLE; decider; machine guards: ONB-SELF, ONB-SOD, CMP-SELF, DEV-SELF, VISIT-SELF)
 * accepts it. Nothing is written by the check.
 */
const RUNS = Number(process.env.TASK_PROPERTY_RUNS ?? 12);
const START = '2026-10-12T01:00:00.000Z';
const POOL: Array<[string, Actor['roles']]> = [
  ['manager', ['customer_manager']], ['manager2', ['customer_manager']], ['sales', ['sales_reviewer']], ['sales2', ['sales_reviewer']],
  ['finance', ['finance_reviewer']], ['gm', ['general_manager']], ['supervisor', ['supervisor']], ['auditor', ['auditor']], ['admin', ['administrator']],
  ['p-dual', ['customer_manager', 'sales_reviewer']], ['p-allround', ['sales_reviewer', 'finance_reviewer']], ['p-leader', ['supervisor', 'general_manager']],
];
/** who may start each kind (a world of refused creations would check nothing) */
const STARTERS = {
  onboarding: ['manager', 'manager2', 'p-dual'],
  complaint: ['sales', 'manager', 'p-dual'],
  'development-plan': ['sales', 'p-dual'],
  'visit-plan': ['manager', 'p-dual'],
  disqualification: ['supervisor', 'sales', 'p-leader'],
} as const;
type Kind = keyof typeof STARTERS;

describe('GET /tasks lists exactly what the guards accept (issue 15, property)', () => {
  let api: TestApi;
  let engine: WorkflowEngine;
  let registry: WorkflowRegistry;
  let tasks: TasksService;
  const actors = new Map<string, Actor>();
  let n = 0;
  const checked = { pairs: 0, listed: 0 };
  const seenTypes = new Set<string>();

  const run = (workflow: string, id: string, command: Omit<AnyCommand, 'meta'>, actor: Actor) => {
    const entry = registry.get(workflow);
    return engine.execute(entry.workflow, id, { ...command, meta: { actor, now: api.clock.now().toISOString() } }, entry.services).then(() => true, (e) => { if (process.env.DEBUG_PROP) console.log(command.type, actor.id, String(e)); return false; });
  };

  beforeAll(async () => {
    api = await startTestApi(START);
    engine = api.app.get(WORKFLOW_ENGINE);
    registry = api.app.get(WORKFLOW_REGISTRY);
    tasks = api.app.get(TasksService);
    const users = api.app.get(UserDirectory);
    for (const [id, roles] of POOL) {
      await users.register({ username: id, name: id, roles, password: DEMO_PASSWORD }, 'test', api.clock.now());
      actors.set(id, { id, name: id, roles: (await users.current(id))?.roles ?? roles });
    }
    await openCustomer(api, archive('cust-prop', { customerManagerId: 'manager' }));
    await run('prospect', 'pp-1', { type: 'RegisterProspect', data: { prospectId: 'pp-1', companyName: '华东塑化有限公司', identifiers: {}, region: '华东', productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 1200, source: 'market_survey' } }, actors.get('manager') as Actor);
  }, 60_000);
  afterAll(() => api.close());

  /** Starts one instance of a kind, by someone allowed to, and returns where it lives. */
  async function start(kind: Kind, by: string): Promise<{ workflow: string; id: string }> {
    const id = `prop-${++n}`;
    const actor = actors.get(by) as Actor;
    // onboarding and complaints are started over HTTP: their services preload facts (duplicate checks, the policy in force)
    const http = async (path: string, body: unknown) => (await api.request('POST', path, { token: await api.tokenFor(by), body })).body;
    if (kind === 'onboarding') {
      await http('/applications', { applicationId: id, form: applicationForm(100 + n, by) });
      await http(`/applications/${id}/submit`, {});
    } else if (kind === 'complaint') {
      return { workflow: 'complaint', id: (await http('/complaints', { customerId: 'cust-prop', receivedAt: api.clock.now().toISOString(), channel: 'phone', content: '包装破损' })).id };
    } else if (kind === 'development-plan') {
      const content = { quarter: '2026-Q4', deadline: '2026-12-31T09:00:00.000Z', budgetYuan: 1000, targets: [{ targetId: 't-1', prospectId: 'pp-1', goal: '签约', targetTonnes: null }], supportRequested: [] };
      await run('development-plan', id, { type: 'DraftDevelopmentPlan', data: { planId: id, ...content } }, actor);
      await run('development-plan', id, { type: 'SubmitDevelopmentPlan', data: {} }, actor);
    } else if (kind === 'visit-plan') {
      await run('visit-plan', id, { type: 'DraftVisitPlan', data: { planId: id, year: 2026 + n, items: [{ itemId: 'i-1', customerId: 'cust-prop', month: 11 }] } }, actor);
      await run('visit-plan', id, { type: 'SubmitVisitPlan', data: {} }, actor);
    } else {
      await run('customer', 'cust-prop', { type: 'ProposeDisqualification', data: { reason: 'under_investigation', evidence: ['立案通知书'] } }, actor);
      return { workflow: 'customer', id: 'cust-prop' };
    }
    return { workflow: kind, id };
  }

  /** One step along: someone tries a command of one of the instance's open tasks (refusals are part of the world too). */
  async function step(where: { workflow: string; id: string }, by: string, pick: number): Promise<void> {
    const { workflow } = registry.get(where.workflow);
    const { state } = await engine.load(workflow, where.id);
    const open = declaredTasks(workflow, state, where.id);
    if (open.length === 0) return;
    const task = open[pick % open.length];
    const command = task.commands[pick % task.commands.length];
    const data = taskDeclaration(workflow, task.taskType)?.sampleData?.(command, state, by, task.key);
    if (data) await run(where.workflow, where.id, { type: command, data }, actors.get(by) as Actor);
  }

  async function expectListEqualsGuards(): Promise<void> {
    await caughtUp(api, 'tasks');
    const now = api.clock.now().toISOString();
    const open = await api.app.get(TasksService)['readModels'].db.selectFrom('tasks').selectAll().where('status', '=', 'open').execute();
    for (const actor of actors.values()) {
      const listed = new Set((await tasks.list(actor, { sort: 'due', limit: 200, offset: 0 })).items.map((t) => t.taskId));
      for (const row of open) {
        const declaration = taskDeclaration(registry.get(row.workflow).workflow, row.task_type);
        const primary = declaration?.commands[0];
        if (!declaration?.sampleData) continue;
        const [probe] = await probeCommands({ engine, registry, services: api.app.get(CommandServices) }, { workflow: row.workflow, instanceId: row.instance_id, taskType: row.task_type, key: row.task_key }, actor, now, { only: primary });
        checked.pairs++;
        seenTypes.add(row.task_type);
        if (probe.allowed) checked.listed++;
        expect({ task: row.task_type, instance: row.instance_id, user: actor.id, listed: listed.has(row.task_id) }).toEqual({ task: row.task_type, instance: row.instance_id, user: actor.id, listed: probe.allowed });
      }
    }
  }

  it('listed ⇔ accepted, for every (open task, person) pair of random worlds (ONB-SELF, ONB-SOD, CMP-SELF, DEV-SELF, VISIT-SELF, R-KAM-2, SOD-ROLES)', async () => {
    const people = fc.constantFrom(...POOL.map(([id]) => id));
    const kinds = Object.keys(STARTERS) as Kind[];
    const instance = fc.constantFrom(...kinds).chain((kind) =>
      fc.record({ kind: fc.constant(kind), by: fc.constantFrom(...STARTERS[kind]), steps: fc.array(fc.record({ by: people, pick: fc.nat(5) }), { maxLength: 6 }) }),
    );
    const world = fc.array(instance, { minLength: 2, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(world, async (instances) => {
        for (const instance of instances) {
          const where = await start(instance.kind, instance.by);
          for (const s of instance.steps) await step(where, s.by, s.pick);
        }
        await expectListEqualsGuards();
      }),
      { numRuns: RUNS, seed: Number(process.env.TASK_PROPERTY_SEED ?? 1515), endOnFailure: true },
    );
    // the worlds were not trivial: many pairs, and both answers seen
    expect(checked.pairs).toBeGreaterThan(100);
    expect(checked.listed).toBeGreaterThan(5);
    expect(checked.listed).toBeLessThan(checked.pairs);
    // every kind of task the worlds can open was checked
    expect([...seenTypes].filter((t) => !t.startsWith('customer.')).length).toBeGreaterThanOrEqual(6);
    console.log(JSON.stringify({ ...checked, types: [...seenTypes].sort() }));
  }, 600_000);
});
