import { randomUUID } from 'node:crypto';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { caughtUp } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { visitForm } from './visit-form';

const ratings = { quality: '良好', service: '不好', awareness: '知名度较高' };

describeEachEngine('relationship maintenance over HTTP (R-VISIT-1..3, R-SURV-1, R-FORUM-1)', (engine) => {
  let api: TestApi;
  const token = (user: string) => api.tokenFor(user);
  jest.setTimeout(60_000);

  // 10:00 on Monday 2 March 2026 in Beijing
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', engine });
    await openCustomer(api, archive('rel-c1'));
    await openCustomer(api, archive('rel-c2'));
    await openCustomer(api, archive('rel-other', { customerManagerId: 'manager2' }));
    await caughtUp(api, 'customers');
  });
  afterAll(() => api?.close());

  it('R-VISIT-1/2/3: plan → approval by the sales head → visit report with ratings → findings notified → leader acknowledges', async () => {
    const manager = await token('manager');
    const items = [{ itemId: 'i-1', customerId: 'rel-c1', month: 3 }, { itemId: 'i-2', customerId: 'rel-c2', month: 3 }, { itemId: 'i-3', customerId: 'rel-c2', month: 6 }];
    const drafted = await api.request('POST', '/visit-plans', { token: manager, body: { year: 2026, items } });
    expect(drafted.status).toBe(201);
    const planId = drafted.body.id;
    expect(planId).toBe('manager.2026');
    expect((await api.request('POST', `/visit-plans/${planId}/submit`, { token: manager, body: {} })).status).toBe(200);

    // a planned visit before approval is refused: the plan is not in force yet
    const early = await api.request('POST', '/visit-reports', { token: manager, body: { customerId: 'rel-c1', visitedOn: '2026-03-01', basis: { kind: 'plan', planId, itemId: 'i-1' }, form: visitForm('2026-03-01'), ratings } });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'R-VISIT-1', field: 'basis.itemId' });

    expect((await api.request('POST', `/visit-plans/${planId}/approve`, { token: await token('gm'), body: {} })).status).toBe(403);
    const approved = await api.request('POST', `/visit-plans/${planId}/approve`, { token: await token('sales'), body: { comment: '同意' } });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');

    const report = await api.request('POST', '/visit-reports', {
      token: manager,
      body: { customerId: 'rel-c1', visitedOn: '2026-03-01', basis: { kind: 'plan', planId, itemId: 'i-1' }, form: visitForm('2026-03-01'), ratings, findings: '提货排队超过半天', departments: ['logistics'] },
    });
    expect(report.status).toBe(201);
    expect(report.body.state).toBe('awaitingAcknowledgement');
    const reportId = report.body.id;
    const unplanned = await api.request('POST', '/visit-reports', {
      token: manager, body: { customerId: 'rel-c2', visitedOn: '2026-03-02', basis: { kind: 'unplanned', reason: '客户来电邀请' }, form: visitForm('2026-03-02'), ratings: { quality: '非常优良', service: '恶劣', awareness: '不知道' } },
    });
    expect(unplanned.status).toBe(201);
    expect(unplanned.body.state).toBe('filed');

    // R-VISIT-3: the outbox has one notification per recipient of the findings
    await caughtUp(api, 'notification_outbox');
    // the report's position is its append's last event (the task facts come after the report, issue 15)
    const outbox = await api.request('GET', `/notifications?afterPosition=${report.body.events[0].position - 1}&minPosition=${await api.store.headPosition()}`, { token: await token('sales') });
    const ofReport = outbox.body.items.filter((n: { streamId: string }) => n.streamId === `visit-report-${reportId}`);
    expect(ofReport.map((n: { recipient: string }) => n.recipient).sort()).toEqual(['logistics', 'supervisor']);

    const open = await api.request('GET', `/visit-reports/feedback?minPosition=${unplanned.body.position}`, { token: await token('supervisor') });
    expect(open.body.items.map((i: { reportId: string }) => i.reportId)).toEqual([reportId]);
    expect((await api.request('POST', `/visit-reports/${reportId}/acknowledge`, { token: await token('sales'), body: {} })).status).toBe(403);
    const ack = await api.request('POST', `/visit-reports/${reportId}/acknowledge`, { token: await token('supervisor'), body: { note: '已责成物流部整改' } });
    expect(ack.status).toBe(200);
    expect(ack.body.events.map((e: { type: string }) => e.type)).toEqual(['VisitFindingsAcknowledged', 'TaskCompleted', 'TimerCancelled']); // the leader's task, issue 15
    const after = await api.request('GET', `/visit-reports/feedback?minPosition=${ack.body.position}`, { token: await token('gm') });
    expect(after.body.items).toEqual([]);

    const progress = await api.request('GET', `/visit-plans/progress?year=2026&minPosition=${ack.body.position}`, { token: await token('sales') });
    expect(progress.status).toBe(200);
    expect(progress.body.items).toEqual([
      { managerId: 'manager', month: 3, planned: 2, done: 1, unplanned: 1 },
      { managerId: 'manager', month: 6, planned: 1, done: 0, unplanned: 0 },
    ]);
    // R-KAM-2: another manager sees only their own plan progress
    const theirs = await api.request('GET', '/visit-plans/progress?year=2026&manager=manager', { token: await token('manager2') });
    expect(theirs.body.items).toEqual([]);

    const averages = await api.request('GET', `/visit-reports/ratings?year=2026&minPosition=${ack.body.position}`, { token: manager });
    expect(averages.body.items).toEqual([
      { customerId: 'rel-c1', quarter: '2026-Q1', visits: 1, averages: { quality: 85, service: 30, awareness: 80 } },
      { customerId: 'rel-c2', quarter: '2026-Q1', visits: 1, averages: { quality: 100, service: 0, awareness: 50 } },
    ]);
    expect((await api.request('GET', '/visit-reports/ratings?year=2026', { token: await token('manager2') })).body.items).toEqual([]);
  });

  it('R-VISIT-2: a rating label not on its scale is 400 naming ratings.quality and the rule', async () => {
    const res = await api.request('POST', '/visit-reports', {
      token: await token('manager'), body: { customerId: 'rel-c1', visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm('2026-03-01'), ratings: { ...ratings, quality: '不好' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('ratings.quality');
    expect(res.body.message).toMatch(/R-VISIT-2/);
  });

  it('R-VISIT-2: the report carries the form\'s header and the customer\'s seal or signature; without them it is refused naming the field', async () => {
    const manager = await token('manager');
    const body = { customerId: 'rel-c1', visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, ratings };
    const bare = await api.request('POST', '/visit-reports', { token: manager, body });
    expect(bare.status).toBe(400);
    expect(bare.body.field).toMatch(/^form/);
    const unsigned = await api.request('POST', '/visit-reports', { token: manager, body: { ...body, form: { ...visitForm('2026-03-01'), signature: { sealed: false, signedOn: '2026-03-01' } } }, headers: { 'accept-language': 'zh-CN' } });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body).toMatchObject({ rule: 'R-VISIT-2', field: 'form.signature' });
    expect(unsigned.body.message).toMatch(/签章/);
    const filed = await api.request('POST', '/visit-reports', { token: manager, body: { ...body, form: visitForm('2026-03-02') } });
    expect(filed.status).toBe(201);
    const [submitted] = await api.store.readStream(`visit-report-${filed.body.id}`);
    expect(submitted.metadata.schemaVersion).toBe(2);
    expect(submitted.data).toMatchObject({ form: { customerName: '宁波塑料厂', address: '宁波市镇海区化工路 1 号', legalRepresentative: '张三', contacts: [{ role: 'principal', mobile: '13800000000' }], signature: { sealed: true, signedOn: '2026-03-02' } } });
  });

  it('R-VISIT-1: reports are for existing customers (422 naming customerId); R-KAM-2: not another manager\'s customer (403)', async () => {
    const manager = await token('manager');
    const body = (customerId: string) => ({ customerId, visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm('2026-03-01'), ratings });
    const missing = await api.request('POST', '/visit-reports', { token: manager, body: body('nobody') });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ rule: 'CUSTOMER-UNKNOWN', field: 'customerId' });
    const other = await api.request('POST', '/visit-reports', { token: manager, body: body('rel-other') });
    expect(other.status).toBe(403);
    expect(other.body.rule).toBe('R-KAM-2');
    const plan = await api.request('POST', '/visit-plans', { token: manager, body: { year: 2027, items: [{ itemId: 'x', customerId: 'ghost', month: 1 }] } });
    expect(plan.status).toBe(422);
    expect(plan.body).toMatchObject({ rule: 'CUSTOMER-UNKNOWN', field: 'items.0.customerId' });
  });

  it('R-SURV-1: survey → responses → report with computed figures → the leadership reviews it → improvement plan to the general manager → approved; a second campaign is 422', async () => {
    const sales = await token('sales');
    const opened = await api.request('POST', '/satisfaction-surveys', { token: sales, body: { year: 2026, title: '2026年度客户满意度调查' } });
    expect(opened.status).toBe(201);
    const again = await api.request('POST', '/satisfaction-surveys', { token: sales, body: { year: 2026, title: '重复' } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ rule: 'R-SURV-1', field: 'year' });

    const respond = (customerId: string, channel: string, scores: number[], who: string) =>
      api.request('POST', '/satisfaction-surveys/2026/responses', {
        token: who, body: { responseId: `s-${customerId}`, customerId, channel, respondedOn: '2026-03-01', answers: { productQuality: scores[0], serviceQuality: scores[1], companyImage: scores[2] } },
      });
    expect((await respond('rel-c1', 'phone', [90, 70, 80], await token('manager'))).status).toBe(200);
    expect((await respond('rel-c2', 'face_to_face', [80, 60, 85], sales)).status).toBe(200);
    const badChannel = await respond('rel-other', 'telegram', [1, 1, 1], sales);
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.field).toBe('channel');
    const offScale = await api.request('POST', '/satisfaction-surveys/2026/responses', {
      token: sales, body: { responseId: 's-x', customerId: 'rel-other', channel: 'mail', respondedOn: '2026-03-01', answers: { productQuality: 101 } }, headers: { 'accept-language': 'zh-CN' },
    });
    expect(offScale.status).toBe(422);
    expect(offScale.body).toMatchObject({ rule: 'R-SURV-1', field: 'answers.productQuality' });
    expect(offScale.body.message).toMatch(/调查问卷/);

    const report = await api.request('POST', '/satisfaction-surveys/2026/report', { token: sales, body: { summary: '服务质量得分最低' } });
    expect(report.status).toBe(200);
    expect(report.body.state).toBe('reportInReview');
    // 提交公司领导审阅: the plan waits for the leadership's review, a human task of the general manager
    expect((await api.request('POST', '/satisfaction-surveys/2026/improvement-plan', { token: sales, body: { measures: ['m'] } })).status).toBe(409);
    const tasks = await api.request('GET', `/tasks?type=satisfaction-survey.review-report&minPosition=${await api.store.headPosition()}`, { token: await token('gm') });
    expect(tasks.body.items.map((t: { instanceId: string }) => t.instanceId)).toEqual(['2026']);
    expect((await api.request('POST', '/satisfaction-surveys/2026/report/review', { token: await token('supervisor'), body: {} })).status).toBe(403);
    const reviewed = await api.request('POST', '/satisfaction-surveys/2026/report/review', { token: await token('gm'), body: { comment: '重点改进服务质量' } });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.state).toBe('reported');

    const plan = await api.request('POST', '/satisfaction-surveys/2026/improvement-plan', { token: sales, body: { measures: ['提货等待不超过2小时', '设客服专线'] } });
    expect(plan.status).toBe(200);
    await caughtUp(api, 'notification_outbox');
    const outbox = await api.request('GET', `/notifications?recipient=general_manager&minPosition=${await api.store.headPosition()}`, { token: sales });
    const toLeaders = outbox.body.items.filter((n: { streamId: string }) => n.streamId === 'satisfaction-survey-2026').map((n: { type: string }) => n.type);
    expect(toLeaders.filter((t: string) => t === 'SurveyReportIssued' || t === 'ImprovementPlanSubmitted').sort()).toEqual(['ImprovementPlanSubmitted', 'SurveyReportIssued']);

    expect((await api.request('POST', '/satisfaction-surveys/2026/improvement-plan/approve', { token: await token('supervisor'), body: {} })).status).toBe(403);
    const approved = await api.request('POST', '/satisfaction-surveys/2026/improvement-plan/approve', { token: await token('gm'), body: { comment: '同意，按季度汇报' } });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('planApproved');

    const survey = await api.request('GET', '/satisfaction-surveys/2026', { token: await token('gm') });
    expect(survey.body).toMatchObject({
      state: 'planApproved', responseCount: 2, questionnaire: [{ questionId: 'productQuality' }, { questionId: 'serviceQuality' }, { questionId: 'companyImage' }],
      responses: [{ customerId: 'rel-c1', answers: { productQuality: { score: 90, label: null } } }, { customerId: 'rel-c2' }],
      report: { notify: ['general_manager'], aggregates: { responseCount: 2, byChannel: { phone: 1, mail: 0, fax: 0, face_to_face: 1 }, averages: { productQuality: 85, serviceQuality: 65, companyImage: 82.5, overall: 77.5 }, lowestDimension: 'serviceQuality' } },
      review: { by: 'gm', comment: '重点改进服务质量' },
      improvementPlan: { planNo: 1, measures: ['提货等待不超过2小时', '设客服专线'] },
      decision: { type: 'ImprovementPlanApproved', by: 'gm' },
    });
  });

  it('R-SURV-1: a questionnaire of the campaign\'s own — a labelled scale — is answered by label and scored by it', async () => {
    const sales = await token('sales');
    const questionnaire = [
      { questionId: 'delivery', text: '提货是否方便', scale: { kind: 'labels', options: [{ label: '很方便', score: 100 }, { label: '一般', score: 60 }, { label: '不方便', score: 20 }] } },
      { questionId: 'price', text: '价格满意度', scale: { kind: 'score', min: 1, max: 10 } },
    ];
    expect((await api.request('POST', '/satisfaction-surveys', { token: sales, body: { year: 2025, title: '2025年提货专项调查', questionnaire } })).status).toBe(201);
    const ok = await api.request('POST', '/satisfaction-surveys/2025/responses', { token: sales, body: { responseId: 'q-1', customerId: 'rel-c1', channel: 'mail', respondedOn: '2025-06-01', answers: { delivery: '一般', price: 8 } } });
    expect(ok.status).toBe(200);
    const wrong = await api.request('POST', '/satisfaction-surveys/2025/responses', { token: sales, body: { responseId: 'q-2', customerId: 'rel-c2', channel: 'mail', respondedOn: '2025-06-01', answers: { delivery: '非常方便' } } });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ rule: 'R-SURV-1', field: 'answers.delivery' });
    const survey = await api.request('GET', '/satisfaction-surveys/2025', { token: await token('gm') });
    expect(survey.body.responses[0].answers).toEqual({ delivery: { score: 60, label: '一般' }, price: { score: 8, label: null } });
  });

  it('R-FORUM-1: preparation plan → the responsible leader approves (task, FORUM-SELF) → minutes with follow-ups; the list shows the years without a forum', async () => {
    const sales = await token('sales');
    const plan = {
      forumId: 'forum-2026-spring', title: '2026年春季客户座谈会', plannedOn: '2026-03-02', venue: '公司三楼会议室',
      invitees: [{ name: '张三', organisation: '宁波塑料厂', customerId: 'rel-c1' }], agenda: ['市场行情', '产品质量'], budgetYuan: 8000,
    };
    const minutes = { heldOn: '2026-03-02', attendees: [{ name: '张三', organisation: '宁波塑料厂', customerId: 'rel-c1' }, { name: '王经理', organisation: '销售部' }], topics: ['市场行情'], minutes: '客户建议增加周末提货。', followUps: [{ action: '研究周末提货安排', department: 'logistics' }] };

    // minutes without an approved plan: 422 naming forumId, in Chinese too
    const unplanned = await api.request('POST', '/customer-forums/forum-unplanned/minutes', { token: sales, body: minutes, headers: { 'accept-language': 'zh-CN' } });
    expect(unplanned.status).toBe(422);
    expect(unplanned.body).toMatchObject({ rule: 'R-FORUM-1', field: 'forumId' });
    expect(unplanned.body.message).toMatch(/筹备计划/);

    expect((await api.request('POST', '/customer-forums', { token: await token('manager'), body: plan })).status).toBe(403);
    const submitted = await api.request('POST', '/customer-forums', { token: sales, body: plan });
    expect(submitted.status).toBe(201);
    expect(submitted.body.state).toBe('planSubmitted');
    const early = await api.request('POST', `/customer-forums/${plan.forumId}/minutes`, { token: sales, body: minutes });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'R-FORUM-1', field: 'forumId' });

    // the approver's human task, shown to the leaders
    const tasks = await api.request('GET', `/tasks?type=customer-forum.approve-plan&minPosition=${await api.store.headPosition()}`, { token: await token('supervisor') });
    expect(tasks.body.items.map((t: { instanceId: string }) => t.instanceId)).toContain(plan.forumId);
    expect((await api.request('POST', `/customer-forums/${plan.forumId}/approve`, { token: sales, body: {} })).status).toBe(403);
    const approved = await api.request('POST', `/customer-forums/${plan.forumId}/approve`, { token: await token('supervisor'), body: { comment: '同意，控制预算' } });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('planApproved');

    const filed = await api.request('POST', `/customer-forums/${plan.forumId}/minutes`, { token: sales, body: minutes });
    expect(filed.status).toBe(200);
    expect(filed.body.state).toBe('filed');
    const forum = await api.request('GET', `/customer-forums/${plan.forumId}`, { token: await token('gm') });
    expect(forum.body).toMatchObject({
      state: 'filed', plan: { planNo: 1, budgetYuan: 8000, agenda: ['市场行情', '产品质量'] },
      decisions: [{ type: 'ForumPlanApproved', by: 'supervisor', comment: '同意，控制预算' }],
      minutes: { planNo: 1, title: plan.title, followUps: minutes.followUps, notify: ['logistics'] },
    });
    await caughtUp(api, 'notification_outbox');
    const outbox = await api.request('GET', `/notifications?recipient=logistics&minPosition=${await api.store.headPosition()}`, { token: sales });
    expect(outbox.body.items.filter((n: { type: string; streamId: string }) => n.type === 'ForumMinutesFiled' && n.streamId === `forum-${plan.forumId}`)).toHaveLength(1);

    const future = await api.request('POST', '/customer-forums', { token: sales, body: { ...plan, forumId: 'forum-past', plannedOn: '2026-03-01' } });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ rule: 'R-FORUM-1', field: 'plannedOn' });

    const list = await api.request('GET', `/customer-forums?from=2024&minPosition=${filed.body.position}`, { token: await token('gm') });
    expect(list.body).toMatchObject({
      asOf: '2026-03-02',
      years: [{ year: 2024, forums: 0, status: 'missed' }, { year: 2025, forums: 0, status: 'missed' }, { year: 2026, forums: 1, status: 'held' }],
      yearsWithoutForum: [2024, 2025],
    });
    expect(list.body.forums[0]).toMatchObject({ forumId: 'forum-2026-spring', attendees: 2, heldOn: '2026-03-02' });
    const before = await api.request('GET', '/customer-forums?from=2026&asOf=2026-02-01', { token: await token('gm') });
    expect(before.body.years).toEqual([{ year: 2026, forums: 0, status: 'due' }]);
  });

  it('FORUM-SELF: who submitted a forum plan does not approve it (403 naming the rule)', async () => {
    const plan = { forumId: 'forum-self', title: '秋季客户座谈会', plannedOn: '2026-09-10', invitees: [{ name: 'a', organisation: 'b' }], agenda: ['服务质量'], budgetYuan: 1000 };
    const created = await api.request('POST', '/users', { token: await token('admin'), body: { username: 'forum-both', name: '兼任主管', roles: ['sales_reviewer', 'supervisor'], password: 'forum-both-password' } });
    expect(created.status).toBe(201);
    const both = (await api.request('POST', '/auth/token', { body: { username: 'forum-both', password: 'forum-both-password' } })).body.accessToken as string;
    expect((await api.request('POST', '/customer-forums', { token: both, body: plan })).status).toBe(201);
    const self = await api.request('POST', '/customer-forums/forum-self/approve', { token: both, body: {} });
    expect(self.status).toBe(403);
    expect(self.body.rule).toBe('FORUM-SELF');
    const returned = await api.request('POST', '/customer-forums/forum-self/return', { token: await token('gm'), body: { reason: '议程太少' } });
    expect(returned.body.state).toBe('planReturned');
    const { forumId: _, ...fields } = plan;
    const again = await api.request('POST', '/customer-forums/forum-self/revise', { token: await token('sales'), body: { ...fields, agenda: ['服务质量', '产品结构'] } });
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('planSubmitted');
  });

  it('ADR 0025 (R-SURV-1, R-FORUM-1): streams written before questionnaires and preparation plans (schema v1) still read and go on', async () => {
    const acted = { by: 'sales', role: 'sales_reviewer', at: '2024-06-03T02:00:00.000Z' };
    const v1 = (type: string, data: object) => ({ id: randomUUID(), type, data: { ...data, ...acted } as never, metadata: { actor: 'sales', correlationId: randomUUID(), causationId: null, occurredAt: acted.at, schemaVersion: 1 } });
    await api.store.appendToStream('satisfaction-survey-2024', [
      v1('SurveyCampaignOpened', { year: 2024, title: '2024年度调查' }),
      v1('SurveyResponseRecorded', { responseId: 's-1', customerId: 'rel-c1', channel: 'phone', respondedOn: '2024-06-01', scores: { productQuality: 90, serviceQuality: 70, companyImage: 80 }, comments: null }),
      v1('SurveyReportIssued', {
        summary: '总体满意', aggregates: { responseCount: 1, byChannel: { phone: 1, mail: 0, fax: 0, face_to_face: 0 }, averages: { productQuality: 90, serviceQuality: 70, companyImage: 80, overall: 80 }, lowestDimension: 'serviceQuality' },
      }),
    ]);
    const survey = await api.request('GET', '/satisfaction-surveys/2024', { token: await token('gm') });
    expect(survey.body).toMatchObject({
      state: 'reported', questionnaire: [{ questionId: 'productQuality' }, { questionId: 'serviceQuality' }, { questionId: 'companyImage' }],
      responses: [{ answers: { productQuality: { score: 90, label: null }, serviceQuality: { score: 70, label: null }, companyImage: { score: 80, label: null } } }],
      report: { notify: null, aggregates: { lowestDimension: 'serviceQuality' } },
    });
    // a v1 report went to no review: its improvement plan follows as before
    const plan = await api.request('POST', '/satisfaction-surveys/2024/improvement-plan', { token: await token('sales'), body: { measures: ['设客服专线'] } });
    expect(plan.status).toBe(200);
    expect(plan.body.state).toBe('planSubmitted');

    const filed = await api.store.appendToStream('forum-f-2024', [
      v1('ForumMinutesFiled', { forumId: 'f-2024', heldOn: '2024-06-01', year: 2024, title: '2024年客户座谈会', attendees: [{ name: '张三', organisation: '宁波塑料厂' }], topics: ['市场行情'], minutes: '纪要' }),
    ]);
    const forum = await api.request('GET', '/customer-forums/f-2024', { token: await token('gm') });
    expect(forum.body).toMatchObject({ state: 'filed', plan: null, minutes: { planNo: null, followUps: [], title: '2024年客户座谈会' } });
    const list = await api.request('GET', `/customer-forums?from=2024&asOf=2024-12-31&minPosition=${filed.position}`, { token: await token('gm') });
    expect(list.body.years).toEqual([{ year: 2024, forums: 1, status: 'held' }]);
  });
});
