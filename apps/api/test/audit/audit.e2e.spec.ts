import { CommandBus } from '@nestjs/cqrs';
import { WorkingCalendar } from '@crm/calendar';
import { complaintWorkflow, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import { WorkflowEngine, type WorkflowRegistry } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CustomerArchiveProcess } from '../../src/onboarding/customer-archive.process';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';
import { ExecuteWorkflowCommand } from '../../src/workflows/execute-workflow.command';
import { WORKFLOW_REGISTRY } from '../../src/workflows/workflow.tokens';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm, FINANCE_CHECKED } from '../support/onboarding.forms';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi, type TestEngine } from '../support/test-api';
import { fireDueTimers } from '../support/fire-due-timers';

jest.setTimeout(60_000);

const CUSTOMER = 'cust-aud-1';
const MANAGER: Actor = { id: 'manager', roles: ['customer_manager'] };
const SUPERVISOR: Actor = { id: 'supervisor', roles: ['supervisor'] };
const STATUS_OF: Record<string, string> = { 'open.active': 'active', 'open.suspended': 'suspended', disqualified: 'disqualified' };

interface Said { at: string; grade: string; status: string }

/** a stored pickup's tonnes rewritten in place, in each engine's JSON */
const TAMPER: Record<TestEngine, string> = {
  sqlite: "UPDATE es_events SET data = json_set(data, '$.tonnes', 120) WHERE position = ?",
  postgres: "UPDATE es_events SET data = jsonb_set(data, '{tonnes}', '120') WHERE position = ?",
};

describeEachEngine('the auditor’s replay over HTTP (issue 8)', (engine) => {
  let api: TestApi;
  let as: Caller;
  const said: Said[] = [];
  let beforeApproval = '';

  const ok = (res: { status: number; body: any }, status = 200) => {
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  };
  const step = (minutes: number) => api.clock.advance(minutes * 60_000);
  /** what the customers read model says now, recorded with the instant */
  const record = async (position: number) => {
    const detail = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}?minPosition=${position}`));
    said.push({ at: api.clock.now().toISOString(), grade: detail.grade, status: detail.status });
  };
  /** complaint commands: through the bus when the API registers the workflow, else through the engine on the same store */
  const complaint = async (id: string, type: string, data: Record<string, unknown>, actor: Actor) => {
    const command = { type, data, meta: { actor, now: api.clock.now().toISOString() } };
    if (api.app.get<WorkflowRegistry>(WORKFLOW_REGISTRY).has('complaint')) {
      // per-command services, as the complaints API gives RecordComplaint the policy in force
      const services = { calendar: WorkingCalendar.official(), policy: DEFAULT_COMPLAINT_POLICY };
      return api.app.get(CommandBus).execute(new ExecuteWorkflowCommand('complaint', id, command, services));
    }
    return new WorkflowEngine(api.store).execute(complaintWorkflow, id, command, { calendar: WorkingCalendar.official(), policy: DEFAULT_COMPLAINT_POLICY });
  };

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T01:00:00.000Z', engine });
    as = await onboardingCallers(api);
    const planned = { customerClass: { salesObject: 'distributor', salesForm: 'planned' } };
    ok(await as('manager', 'POST', '/applications', { applicationId: 'aud-1', form: applicationForm(7, 'manager', planned) }), 201);
    step(10);
    ok(await as('manager', 'POST', '/applications/aud-1/submit'));
    step(60);
    ok(await as('sales', 'POST', '/applications/aud-1/steps/sales/approve', {}));
    step(60);
    ok(await as('finance', 'POST', '/applications/aud-1/steps/finance/approve', { comment: '已核对', checked: FINANCE_CHECKED }));
    beforeApproval = api.clock.now().toISOString();
    step(60);
    const approved = ok(await as('gm', 'POST', '/applications/aud-1/steps/generalManager/approve', { comment: '同意' }));
    const process = api.app.get(CustomerArchiveProcess);
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(process.name, approved.position);
    await record((await api.store.readStream(`customer-${CUSTOMER}`))[0].position);
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition('archive-filing-files-changes', await api.store.headPosition());

    api.clock.set('2026-03-10T02:00:00.000Z');
    await record(ok(await as('manager', 'POST', `/customers/${CUSTOMER}/pickups`, { pickupId: 'P-1', date: '2026-03-10', product: 'HDPE', tonnes: 1200, warehouse: '镇海库' })).position);
    api.clock.set('2026-03-31T16:00:00.000Z');
    await record(ok(await as('sales', 'POST', `/customers/${CUSTOMER}/evaluations`, { month: '2026-03' })).position);
    // R-TIER-4 (ADR 0023): the evaluation proposes, the sales department confirms
    step(5);
    await record(ok(await as('sales', 'POST', `/customers/${CUSTOMER}/grade-moves/confirm`, { month: '2026-03', indicator: 'payment_record', reason: '回款及时' })).position);

    // timers due at March's end (the month's evaluation) and the archive's filings with the parent
    // (R-ARC-3) are written at the clock's now: they land before the clock moves on, so each is
    // dated in the month it belongs to (left to the scheduler's tick, a busy machine dated one in April)
    await fireDueTimers(api);
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition('archive-filing-files-changes', await api.store.headPosition());
    // a major complaint received Thursday 2 April, told on Tuesday 7 April (after Qingming) and closed
    api.clock.set('2026-04-02T02:00:00.000Z');
    await complaint('aud-c1', 'RecordComplaint', { complaintId: 'aud-c1', customerId: CUSTOMER, receivedAt: '2026-04-02T01:30:00.000Z', channel: 'phone', content: '包装破损' }, MANAGER);
    step(10);
    await complaint('aud-c1', 'ClassifyComplaint', { class: 'major' }, MANAGER);
    step(60);
    await complaint('aud-c1', 'DraftResolution', { department: '销售部', text: '补发', handler: 'manager' }, MANAGER);
    api.clock.set('2026-04-07T02:00:00.000Z');
    await complaint('aud-c1', 'ApproveResolution', {}, SUPERVISOR);
    step(60);
    await complaint('aud-c1', 'NotifyCustomer', { channel: 'phone', message: '已补发' }, MANAGER);
    step(60);
    await complaint('aud-c1', 'CloseComplaint', { notes: '无' }, MANAGER);
    // a general complaint received Wednesday 8 April and left unhandled
    api.clock.set('2026-04-08T02:00:00.000Z');
    await complaint('aud-c2', 'RecordComplaint', { complaintId: 'aud-c2', customerId: CUSTOMER, receivedAt: '2026-04-08T01:30:00.000Z', channel: 'email', content: '发票错误' }, MANAGER);
    step(10);
    await complaint('aud-c2', 'ClassifyComplaint', { class: 'general' }, MANAGER);
  });
  afterAll(() => api?.close());

  it('history lists every event of the application, archive and complaint streams once, in global order, with states', async () => {
    const history = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?limit=1000`));
    // the archive's filings with the parent (R-ARC-3, ADR 0024) are part of its history
    const stored = (await api.store.readAll()).filter((e) => ['onboarding-aud-1', `customer-${CUSTOMER}`, `archive-filing-${CUSTOMER}`, 'complaint-aud-c1', 'complaint-aud-c2'].includes(e.streamId));
    expect(history.total).toBe(stored.length);
    expect(history.entries.map((e: any) => e.position)).toEqual(stored.map((e) => e.position));
    expect(history.entries[0]).toMatchObject({ streamId: 'onboarding-aud-1', type: 'ApplicationDrafted', actor: 'manager', stateBefore: { state: 'none' }, stateAfter: { state: 'draft' } });
    const opened = history.entries.find((e: any) => e.type === 'CustomerArchiveOpened');
    expect(opened).toMatchObject({ actor: 'system:onboarding', stateBefore: { state: 'none' }, stateAfter: { state: 'open.active' } });
    // people read names, not ids: the event, the states and who acted, in both languages
    expect(history.entries[0]).toMatchObject({
      title: { zh: '创建申请草稿', en: 'Application drafted' },
      stateAfter: { label: { zh: '草稿', en: 'Draft' } },
      actorLabel: { zh: '王经理（客户经理）', en: '王经理 (Customer manager)' },
    });
    expect(opened).toMatchObject({ title: { zh: '建立客户档案' }, stateAfter: { label: { zh: '正常供货' } }, actorLabel: { zh: '系统（准入建档）' } });
    expect(history.customerName).toEqual(expect.any(String));
    expect(history.entries.every((e: any) => /[\u4e00-\u9fff]/.test(e.title.zh))).toBe(true);
    const graded = history.entries.find((e: any) => e.type === 'CustomerGradeChanged');
    expect(graded.changes).toContainEqual({ path: 'grade', before: 'ordinary', after: 'one_star' });
    expect(history.entries.at(-1)).toMatchObject({ streamId: 'complaint-aud-c2' });
    expect(history.entries.every((e: any) => e.occurredAt && e.recordedAt && e.data)).toBe(true);
  });

  it('history pages and filters by type, actor and time', async () => {
    const page = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?limit=3&offset=3`));
    expect(page.entries).toHaveLength(3);
    expect(page.nextOffset).toBe(6);
    const pickups = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?type=PickupRecorded,CustomerGradeChanged`));
    expect(pickups.entries.map((e: any) => e.type)).toEqual(['PickupRecorded', 'CustomerGradeChanged']);
    expect(ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?actor=gm`)).entries.map((e: any) => e.type)).toContain('GeneralManagerApproved');
    const april = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?from=2026-04-01T00:00:00Z&to=2026-04-30T00:00:00Z`));
    expect(april.entries.length).toBeGreaterThan(0);
    expect(april.entries.every((e: any) => e.streamId.startsWith('complaint-aud-c'))).toBe(true);
    expect(ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?limit=0`), 400)).toBeDefined();
  });

  it('as-of at each recorded instant equals what the customers read model said then', async () => {
    expect(said).toHaveLength(4);
    for (const then of said) {
      const asOf = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/as-of?at=${encodeURIComponent(then.at)}`));
      expect({ at: then.at, grade: asOf.archive.grade, status: STATUS_OF[asOf.archive.status] }).toEqual(then);
    }
  });

  it('as-of before the final approval shows the application pending the general manager and no archive', async () => {
    const asOf = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/as-of?at=${encodeURIComponent(beforeApproval)}`));
    expect(asOf.archive.status).toBe('none');
    expect(asOf.onboarding).toEqual({ streamId: 'onboarding-aud-1', state: 'review.generalManager' });
    expect(asOf.pendingApprovals).toEqual([expect.objectContaining({ kind: 'onboarding_review', awaiting: 'generalManager' })]);
  });

  it('R-CMP-3: as-of shows each complaint’s SLA clock: running within its deadline, stopped when told, breached when left', async () => {
    const at = async (iso: string, id: string) => ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/as-of?at=${encodeURIComponent(iso)}`)).complaints.open.find((c: any) => c.complaintId === id);
    const early = await at('2026-04-02T04:00:00.000Z', 'aud-c1');
    expect(early).toMatchObject({ class: 'major', clock: 'running', breached: false });
    expect(early.workingTimeLeftMs).toBeGreaterThan(0);
    expect(await at('2026-04-07T03:30:00.000Z', 'aud-c1')).toMatchObject({ state: 'notified', clock: 'stopped', breached: false });
    expect(ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/as-of?at=2026-04-08T00:00:00Z`)).complaints).toEqual({ open: [], closed: 1 });
    const fresh = await at('2026-04-08T03:00:00.000Z', 'aud-c2');
    expect(fresh).toMatchObject({ class: 'general', clock: 'running', breached: false });
    const late = await at(new Date(Date.parse(fresh.dueAt) + 60_000).toISOString(), 'aud-c2');
    expect(late).toMatchObject({ clock: 'running', breached: true });
    expect(late.workingTimeLeftMs).toBeLessThan(0);
  });

  it('exports JSON lines, CSV and an HTML report', async () => {
    const total = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history`)).total;
    const jsonl = await api.request('GET', `/customers/${CUSTOMER}/export?format=jsonl`, { token: await api.tokenFor('auditor') });
    expect(jsonl.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = String(typeof jsonl.body === 'string' ? jsonl.body : JSON.stringify(jsonl.body)).trim().split('\n');
    expect(lines).toHaveLength(total);
    const csv = await api.request('GET', `/customers/${CUSTOMER}/export?format=csv`, { token: await api.tokenFor('auditor') });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).trim().split('\r\n')).toHaveLength(total + 1);
    const html = await api.request('GET', `/customers/${CUSTOMER}/export?format=html`, { token: await api.tokenFor('auditor') });
    // the auditor's file is in Chinese, titled with the company, in Beijing time, people by name
    const report = String(html.body);
    expect(report).toContain('哈希链完整');
    expect(report).toContain(`<title>客户审计报告：${ok(await as('auditor', 'GET', `/customers/${CUSTOMER}`)).name}（${CUSTOMER}）</title>`);
    expect(report).toContain('王经理（客户经理）');
    expect(report).toContain('创建申请草稿');
    expect(report).toContain('（北京时间）');
    const header = String(csv.body).split('\r\n')[0];
    expect(header).toContain('操作人');
    expect(String(csv.body)).toContain('王经理（客户经理）');
  });

  it('records every auditor read as AuditRecordViewed in the monthly audit log', async () => {
    const before = (await api.store.readStream('audit-log-2026-04')).length;
    ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/history?type=PickupRecorded`));
    const log = await api.store.readStream('audit-log-2026-04');
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ type: 'AuditRecordViewed', data: { who: 'auditor', customerId: CUSTOMER, what: 'history', query: { type: 'PickupRecorded' } } });
    // the customer's own manager may read it too, unrecorded; another manager and other roles may not
    ok(await as('manager', 'GET', `/customers/${CUSTOMER}/history`));
    expect((await api.store.readStream('audit-log-2026-04')).length).toBe(before + 1);
    expect((await as('manager2', 'GET', `/customers/${CUSTOMER}/history`)).status).toBe(403);
    expect((await as('sales', 'GET', `/customers/${CUSTOMER}/as-of?at=2026-04-01T00:00:00Z`)).status).toBe(403);
    expect((await as('auditor', 'GET', '/customers/nobody/history')).status).toBe(404);
  });

  it('what-if: a major deadline of one working day would have made the closed complaint late (read-only)', async () => {
    const head = await api.store.headPosition();
    const policy = { ...DEFAULT_COMPLAINT_POLICY, version: 'what-if-1', deadlines: { general: 1, major: 1 } };
    const report = ok(await as('auditor', 'POST', '/audit/what-if', { from: '2026-04-01T00:00:00Z', to: '2026-04-30T00:00:00Z', policy }));
    expect(report.summary).toMatchObject({ examined: 1, dueChanged: 1, newlyLate: 1 });
    expect(report.outcomes[0]).toMatchObject({ complaintId: 'aud-c1', actual: { late: false }, whatIf: { late: true, policyVersion: 'what-if-1' } });
    expect(await api.store.headPosition()).toBe(head);
    expect((await as('manager', 'POST', '/audit/what-if', { from: '2026-04-01T00:00:00Z', to: '2026-04-30T00:00:00Z' })).status).toBe(403);
  });

  it('verify passes, then fails at exactly the row changed behind the service’s back', async () => {
    expect(ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/verify`))).toMatchObject({ ok: true, spans: [] });
    const pickup = (await api.store.readStream(`customer-${CUSTOMER}`)).find((e) => e.type === 'PickupRecorded');
    expect(await api.rawSql(TAMPER[engine], [pickup?.position])).toBe(1);
    const result = ok(await as('auditor', 'GET', `/customers/${CUSTOMER}/verify`));
    expect(result).toMatchObject({ ok: false, firstBreak: { streamId: `customer-${CUSTOMER}`, position: pickup?.position, revision: pickup?.revision, reason: 'hash_mismatch' } });
  });
});
