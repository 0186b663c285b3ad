import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelSnapshot, ReadModelDb } from '@crm/engine';
import { complaintsProjection } from '../../src/complaints/complaints.projection';
import { READ_MODEL_DB } from '../../src/read-models/read-model.tokens';
import { slaAlertsProjection } from '../../src/complaints/sla-alerts.projection';
import { caughtUp, complaintBody, fireDueTimers, recordAndClassify, ensureCustomer } from './complaint-support';
import { startTestApi, type TestApi } from '../support/test-api';
import { ComplaintPolicyApprovalProcess } from '../../src/complaints/complaint-policy-approval.process';
import { ComplaintPolicyService } from '../../src/complaints/complaint-policy.service';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';

const CHARTER = { version: 'c-2026', members: ['gm', 'sales2', 'finance', 'supervisor', 'finance2'], chairId: 'gm', quorum: 3, decisionRule: 'majority_of_members', authorityBoundPercent: 10 };
const POLICY_2026_2 = {
  version: '2026-2',
  deadlines: { general: 1, major: 2 },
  maxWorkingDays: 7,
  warningShare: 0.5,
  handlerRoles: ['customer_manager', 'sales_reviewer'],
  resolutionApproverRoles: ['supervisor', 'general_manager'],
  extensionApproverRoles: ['supervisor', 'general_manager'],
};

describe('complaints over HTTP (R-CMP-1..4) on the real service', () => {
  let api: TestApi;
  const token = (user: string) => api.tokenFor(user);
  jest.setTimeout(60_000);

  // Friday 9 October 2026, 11:00 in Beijing: after National Day, before the make-up Saturday
  beforeAll(async () => {
    api = await startTestApi('2026-10-09T03:00:00.000Z');
    await ensureCustomer(api);
  });
  afterAll(() => api.close());

  it('R-CMP-3: an extension beyond 7 working days from receipt is refused with 422 naming the rule; within the cap the chain of leaders grants it', async () => {
    const manager = await token('manager');
    const { id } = await recordAndClassify(api, manager, '2026-10-08T09:00:00+08:00', 'major');
    const refused = await api.request('POST', `/complaints/${id}/extensions`, { token: manager, body: { additionalWorkingDays: 5, reason: '需第三方检测' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'R-CMP-3', field: 'additionalWorkingDays' });

    const requested = await api.request('POST', `/complaints/${id}/extensions`, { token: manager, body: { additionalWorkingDays: 4, reason: '需第三方检测' } });
    expect(requested.status).toBe(200);
    const requestId = 'ext-1';
    const bySales = await api.request('POST', `/complaints/${id}/extensions/approve`, { token: await token('sales'), body: { requestId } });
    expect(bySales.status).toBe(403);
    expect((await api.request('POST', `/complaints/${id}/extensions/approve`, { token: await token('supervisor'), body: { requestId } })).status).toBe(200);
    const granted = await api.request('POST', `/complaints/${id}/extensions/approve`, { token: await token('gm'), body: { requestId } });
    expect(granted.status).toBe(200);
    // the moved deadline replaces the SLA timers in the same append
    const types = granted.body.events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 6)).toEqual(['ExtensionApproved', 'ExtensionGranted', 'TimerCancelled', 'TimerCancelled', 'TimerScheduled', 'TimerScheduled']);
    // issue 15: the chain's last task completes in the same append, its idle timers cancelled, the open tasks due at the moved deadline
    expect(types.slice(6).filter((t: string) => t.startsWith('Task'))).toEqual(['TaskCompleted', 'TaskUpdated']);
    const explained = await api.request('GET', `/complaints/${id}/deadline/explain`, { token: manager });
    expect(explained.body).toMatchObject({ workingDays: 7, extensionWorkingDays: 4, class: 'major' });
  });

  it('R-CMP-4: a general complaint received on 30 September is explained with National Day skipped', async () => {
    const { id } = await recordAndClassify(api, await token('sales'), '2026-09-30T10:00:00+08:00', 'general');
    const res = await api.request('GET', `/complaints/${id}/deadline/explain`, { token: await token('supervisor') });
    expect(res.status).toBe(200);
    expect(new Date(res.body.deadline.due).toISOString()).toBe('2026-10-08T02:00:00.000Z');
    expect(res.body).toMatchObject({ class: 'general', policyVersion: '2026-1', workingDays: 1 });
    const holidays = res.body.deadline.explanation.filter((s: { kind: string }) => s.kind === 'holiday');
    expect(holidays.map((s: { date: string }) => s.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(JSON.stringify(holidays)).toMatch(/国庆|National Day/);
  });

  it('R-CMP-4: a general complaint received on the Friday before the make-up Saturday is due on that Saturday, and the explanation says so', async () => {
    const { id } = await recordAndClassify(api, await token('manager'), '2026-10-09T10:00:00+08:00', 'general');
    const res = await api.request('GET', `/complaints/${id}/deadline/explain`, { token: await token('auditor') });
    expect(new Date(res.body.deadline.due).toISOString()).toBe('2026-10-10T02:00:00.000Z');
    const saturday = res.body.deadline.explanation.find((s: { date: string }) => s.date === '2026-10-10');
    expect(saturday.kind).toBe('makeup-workday');
  });

  it('R-PRICE-1: a new policy version takes effect only once the committee approves it; complaints recorded after it get it, open ones keep theirs', async () => {
    const manager = await token('manager');
    const admin = await token('admin');
    const before = await recordAndClassify(api, manager, '2026-10-09T10:30:00+08:00', 'major');
    expect((await api.request('PUT', '/complaint-policies/current', { token: manager, body: POLICY_2026_2 })).status).toBe(403);
    const noCommittee = await api.request('PUT', '/complaint-policies/current', { token: admin, body: POLICY_2026_2 });
    expect(noCommittee.status).toBe(422);
    expect(noCommittee.body.rule).toBe('R-PRICE-1');
    expect((await api.request('PUT', '/committee/charter', { token: admin, body: CHARTER })).status).toBe(200);

    const proposed = await api.request('PUT', '/complaint-policies/current', { token: admin, body: POLICY_2026_2 });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ state: 'voting', version: '2026-2', effective: false });
    const proposalId = proposed.body.proposalId as string;
    // before the committee decides, nothing changed: the policy stream is empty and 2026-1 is in force
    expect((await api.request('GET', '/complaint-policies/current', { token: manager })).body.policy.version).toBe('2026-1');
    expect(await api.store.readStream('complaint-policies')).toEqual([]);
    const vote = async (member: string) => api.request('POST', `/committee/proposals/${proposalId}/votes`, { token: await token(member), body: { vote: 'approve', opinion: '同意' } });
    expect((await vote('gm')).status).toBe(200);
    expect((await vote('sales2')).status).toBe(200);
    const deciding = await vote('finance');
    expect(deciding.status).toBe(200);
    expect(deciding.body.state).toBe('approved');
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(api.app.get(ComplaintPolicyApprovalProcess).name, await api.store.headPosition());
    const current = await api.request('GET', '/complaint-policies/current', { token: manager });
    expect(current.body).toMatchObject({ policy: { version: '2026-2' }, approval: { proposalId, decidedBy: 'committee' } });

    const again = await api.request('PUT', '/complaint-policies/current', { token: admin, body: POLICY_2026_2 });
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('CMP-POLICY');
    const tooLong = await api.request('PUT', '/complaint-policies/current', { token: admin, body: { ...POLICY_2026_2, version: '2026-3', deadlines: { general: 9, major: 3 } } });
    expect(tooLong.status).toBe(400);
    // R-CMP-3 caps the total at 7 working days: not even the committee is asked to publish 30
    const thirty = await api.request('PUT', '/complaint-policies/current', { token: admin, body: { ...POLICY_2026_2, version: '2026-4', maxWorkingDays: 30 } });
    expect(thirty.status).toBe(400);
    expect(JSON.stringify(thirty.body)).toContain('maxWorkingDays');
    // a policy no committee approved cannot be published by any path
    await expect(api.app.get(ComplaintPolicyService).publishApproved('not-a-proposal', 'admin', api.clock.now())).rejects.toMatchObject({ ruleId: 'R-PRICE-1' });

    const after = await recordAndClassify(api, manager, '2026-10-09T10:45:00+08:00', 'major');
    const old = await api.request('GET', `/complaints/${before.id}`, { token: manager });
    const fresh = await api.request('GET', `/complaints/${after.id}`, { token: manager });
    expect([old.body.policyVersion, old.body.sla.workingDays]).toEqual(['2026-1', 3]);
    expect([fresh.body.policyVersion, fresh.body.sla.workingDays]).toEqual(['2026-2', 2]);
    const events = await api.store.readStream('complaint-policies');
    expect(events.map((e) => e.type)).toEqual(['ComplaintPolicyPublished']);
    const versions = await api.request('GET', '/complaint-policies', { token: manager });
    expect(versions.body.items.map((v: { policy: { version: string } }) => v.policy.version)).toEqual(['2026-1', '2026-2']);
  });

  it('R-CMP-1/2: drafted, approved by a leader, the customer told, closed with the record complete; listed by status and department', async () => {
    const manager = await token('manager');
    const { id } = await recordAndClassify(api, manager, '2026-10-09T09:00:00+08:00', 'major', 'cust-handled');
    expect((await api.request('POST', `/complaints/${id}/resolution`, { token: manager, body: { department: '销售部', text: '更换批次并补偿运费。', handler: 'manager' } })).status).toBe(200);
    const self = await api.request('POST', `/complaints/${id}/resolution/approve`, { token: manager, body: {} });
    expect(self.status).toBe(403);
    expect((await api.request('POST', `/complaints/${id}/resolution/approve`, { token: await token('supervisor'), body: { comment: '同意' } })).status).toBe(200);
    expect((await api.request('POST', `/complaints/${id}/notify-customer`, { token: manager, body: { channel: 'phone', message: '已安排更换批次。' } })).status).toBe(200);
    const closed = await api.request('POST', `/complaints/${id}/close`, { token: manager, body: { notes: '无' } });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');

    const list = await api.request('GET', `/complaints?status=closed&department=${encodeURIComponent('销售部')}&minPosition=${closed.body.position}`, { token: await token('auditor') });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { complaintId: string }) => c.complaintId)).toEqual([id]);
    expect(list.body.items[0]).toMatchObject({ customerId: 'cust-handled', class: 'major', breached: false, handler: 'manager' });
    const byCustomer = await api.request('GET', '/complaints?customer=cust-handled&breached=false', { token: manager });
    expect(byCustomer.body.items).toHaveLength(1);
  });

  it('R-CMP-2: a serious complaint waits for the special meeting, which only the general manager records', async () => {
    const manager = await token('manager');
    const { id } = await recordAndClassify(api, manager, '2026-10-09T09:30:00+08:00', 'serious');
    const meeting = { decision: '全额退货并派员上门致歉。', minutes: '专题会议纪要……', attendees: ['gm', 'supervisor'], department: '销售部', handler: 'manager', heldAt: '2026-10-09T10:50:00+08:00' };
    expect((await api.request('POST', `/complaints/${id}/resolution`, { token: manager, body: { department: '销售部', text: '草稿', handler: 'manager' } })).status).toBe(409);
    expect((await api.request('POST', `/complaints/${id}/special-meeting`, { token: await token('supervisor'), body: meeting })).status).toBe(403);
    const held = await api.request('POST', `/complaints/${id}/special-meeting`, { token: await token('gm'), body: meeting });
    expect(held.status).toBe(200);
    expect(held.body.state).toBe('open.resolved');
  });

  it('refuses writes by auditors, unknown body fields, and a stream without a token', async () => {
    expect((await api.request('POST', '/complaints', { token: await token('auditor'), body: complaintBody('2026-10-09T09:00:00+08:00') })).status).toBe(403);
    const extra = await api.request('POST', '/complaints', { token: await token('manager'), body: { ...complaintBody('2026-10-09T09:00:00+08:00'), severity: 'high' } });
    expect(extra.status).toBe(400);
    const stream = await fetch(`${api.url}/sla/alerts/stream`);
    expect(stream.status).toBe(401);
    await stream.text();
    expect((await api.request('GET', '/sla/alerts', { token: await token('manager') })).status).toBe(403);
  });

  it('SLA board and breach rates per class and department per month', async () => {
    api.clock.set('2026-10-12T03:00:00.000Z'); // Monday: the general complaints from before are overdue
    await fireDueTimers(api);
    await caughtUp(api, 'complaints');
    const supervisor = await token('supervisor');
    const board = await api.request('GET', '/sla/board', { token: supervisor });
    expect(board.status).toBe(200);
    const left = board.body.open.map((c: { workingTimeLeftMs: number }) => c.workingTimeLeftMs);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    // a short board is the head of the long one: the most urgent are found without counting every open complaint
    expect(board.body.open.length).toBeGreaterThan(2);
    const top = await api.request('GET', '/sla/board?limit=2', { token: supervisor });
    expect(top.body.open.map((c: { complaintId: string }) => c.complaintId)).toEqual(board.body.open.slice(0, 2).map((c: { complaintId: string }) => c.complaintId));
    expect(board.body.breached.length).toBeGreaterThan(0);
    const stats = await api.request('GET', '/sla/stats?from=2026-09&to=2026-10', { token: supervisor });
    expect(stats.status).toBe(200);
    const september = stats.body.items.find((i: { month: string; class: string }) => i.month === '2026-09' && i.class === 'general');
    expect(september).toMatchObject({ department: 'unassigned', classified: 1, breached: 1, breachRate: 1 });
    const handled = stats.body.items.find((i: { department: string; class: string }) => i.department === '销售部' && i.class === 'major');
    expect(handled).toMatchObject({ month: '2026-10', breached: 0, breachRate: 0 });
    expect((await api.request('GET', '/sla/stats?from=2026-10&to=2026-09', { token: supervisor })).status).toBe(400);
  });

  it('projections: replaying every event twice changes nothing and equals the live read model', async () => {
    await caughtUp(api, 'complaints', 'sla_alerts');
    const events = await api.store.readAll();
    const dir = mkdtempSync(join(tmpdir(), 'crm-cmp-replay-'));
    const fresh = await ReadModelDb.open({ kind: 'sqlite', path: join(dir, 'rm.db') });
    try {
      for (const projection of [complaintsProjection, slaAlertsProjection]) {
        await fresh.ddl((trx) => projection.migrate(trx, 'sqlite'));
        const handled = events.filter((e) => projection.eventTypes?.includes(e.type));
        const applyAll = () => fresh.transaction(async (trx) => { for (const e of handled) await projection.apply(e, trx, 'sqlite'); });
        await applyAll();
        const once = await readModelSnapshot(fresh, projection);
        await applyAll();
        expect(await readModelSnapshot(fresh, projection)).toEqual(once);
        expect(await readModelSnapshot(api.app.get<ReadModelDb>(READ_MODEL_DB), projection)).toEqual(once);
      }
    } finally {
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
