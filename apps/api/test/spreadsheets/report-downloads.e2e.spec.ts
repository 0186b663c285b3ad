import { archive, openCustomer } from '../customers/customer-fixtures';
import { recordAndClassify } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { ok } from '../support/expect-status';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { beijing, day, download, downloadWorkbook, sheetOf } from '../support/spreadsheets';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(120_000);

/** the licence of x-1 runs out on 20 April: on the expiring-documents report from 1 April */
const licence = { documentId: 'licence', kind: 'business_licence', number: 'BL-9', validFrom: '2021-04-21', validUntil: '2026-04-20' };
const MARCH = ['customerId,pickupId,date,product,tonnes,warehouse', 'x-1,DN-1,2026-03-31,HDPE 5000S,1200,镇海库', 'x-1,DN-2,2026-03-31,HDPE 5000S,1300,镇海库', 'x-2,DN-3,2026-03-31,LLDPE 7042,480,宁波库'].join('\n');

/**
 * Every report a person takes to a meeting downloads as .xlsx (and CSV): the workbook opened by
 * exceljs has the Chinese headers, a frozen header row, Beijing times, and the very rows the JSON
 * answer of the same endpoint has.
 */
describeEachEngine('report downloads as Excel workbooks and CSV', (engine) => {
  let api: TestApi;
  let as: Caller;
  const token = (user: string) => api.tokenFor(user);
  /** the JSON answer of a read-model report once it has caught up with every write */
  const json = async (user: string, path: string) => ok(as(user, 'GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${await api.store.headPosition()}`));
  /** the JSON answer of a read replayed from its streams (always current) */
  const replayed = async (user: string, path: string) => ok(as(user, 'GET', path));
  const workbook = async (user: string, path: string) => downloadWorkbook(api, `${path}${path.includes('?') ? '&' : '?'}format=xlsx`, await token(user));

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-31T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
    await openCustomer(api, archive('x-1', { name: '宁波甬兴塑业有限公司', documents: [licence] }));
    await openCustomer(api, archive('x-2', { name: '余姚华丰塑料厂', customerManagerId: 'manager2' }));
    await ok(as('sales', 'POST', '/pickups/import', MARCH, { 'content-type': 'text/csv' }));
    api.clock.set('2026-04-01T02:00:00.000Z');
    as = await onboardingCallers(api);
    for (const id of ['x-1', 'x-2']) await ok(as('sales', 'POST', `/customers/${id}/evaluations`, { month: '2026-03' }));
    // R-TIER-4 (ADR 0023): the sales department confirms the tonnage move the evaluation proposed
    // (a customer whose tonnage kept its band has no move to confirm)
    for (const id of ['x-1', 'x-2']) {
      const res = await as('sales', 'POST', `/customers/${id}/grade-moves/confirm`, { month: '2026-03', indicator: 'payment_record', reason: '回款及时' });
      if (res.status !== 200 && !(res.status === 422 && /no proposed grade move/.test(res.body.message))) throw new Error(`confirm ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await ok(as('finance', 'POST', '/customers/x-1/receipts', { receiptId: 'r-1', productLine: 'polyolefin', amount: 120000.5, receivedOn: '2026-04-01', reference: '工行回单 0001' }));
    await recordAndClassify(api, await token('manager'), '2026-04-01T09:00:00+08:00', 'general', 'x-1');
    await ok(as('sales', 'POST', '/allocations/2026-04/polyolefin/proposals', { availableTonnes: 100, requests: [{ customerId: 'x-1', tonnes: 80 }, { customerId: 'x-2', tonnes: 40 }], note: '四月聚烯烃' }));
    await ok(as('sales', 'POST', '/satisfaction-surveys', { year: 2026, title: '2026年度客户满意度调查' }), 201);
    for (const [customerId, channel, by] of [['x-1', 'phone', 'manager'], ['x-2', 'face_to_face', 'sales']] as const) {
      await ok(as(by, 'POST', '/satisfaction-surveys/2026/responses', { responseId: `s-${customerId}`, customerId, channel, respondedOn: '2026-04-01', answers: { productQuality: 90, serviceQuality: 70, companyImage: 80 } }));
    }
    await ok(as('sales', 'POST', '/satisfaction-surveys/2026/report', { summary: '服务质量得分最低' }));
  });
  afterAll(() => api?.close());

  it('R-TIER-4: the grade changes of the month, with their evidence and Beijing time', async () => {
    const report = await json('auditor', '/reports/grade-changes?month=2026-03');
    expect(report.changes.length).toBeGreaterThan(0);
    const { header, rows } = sheetOf(await workbook('auditor', '/reports/grade-changes?month=2026-03'), '等级变动');
    expect(header).toEqual(['客户编号', '客户名称', '客户经理', '区域', '月份', '月提货量(吨)', '吨位档', '原等级', '新等级', '原因', '规则', '评定时间（北京时间）']);
    expect(rows).toEqual(report.changes.map((c: any) => [c.customerId, c.name, c.customerManagerId, c.region, c.month, c.tonnage, c.band, c.previousGrade, c.newGrade, c.cause, c.ruleId, beijing(c.at)]));
  });

  it('R-KAM-2: a customer manager\'s download holds only their own customers, as their JSON does', async () => {
    const mine = await json('manager2', '/reports/grade-changes?month=2026-03');
    const { rows } = sheetOf(await workbook('manager2', '/reports/grade-changes?month=2026-03'), '等级变动');
    expect(rows.map((r) => r[0])).toEqual(mine.changes.map((c: any) => c.customerId));
    expect(rows.map((r) => r[0])).not.toContain('x-1');
  });

  it('R-ARC-4: expiring documents with their validity as dates and the days left', async () => {
    const report = await json('sales', '/reports/expiring-documents?withinDays=30');
    expect(report.items).toHaveLength(1);
    const book = await workbook('sales', '/reports/expiring-documents?withinDays=30');
    const { header, rows } = sheetOf(book, book.worksheets[0].name);
    expect(header).toEqual(['客户编号', '客户名称', '客户经理', '区域', '资质文件', '证件编号', '有效期起', '有效期至', '剩余天数', '状态']);
    expect(rows).toEqual(report.items.map((i: any) => [i.customer.customerId, i.customer.name, i.customer.customerManagerId, i.customer.region, i.document.kind, i.document.number, day(i.document.validFrom), day(i.document.validUntil), i.daysLeft, '有效']));
  });

  it('R-CMP-3: SLA statistics per month, class and department, the rate as a ratio', async () => {
    const stats = await json('supervisor', '/sla/stats?from=2026-03&to=2026-04');
    expect(stats.items.length).toBeGreaterThan(0);
    const { header, rows } = sheetOf(await workbook('supervisor', '/sla/stats?from=2026-03&to=2026-04'), '投诉时限统计');
    expect(header).toEqual(['受理月份', '投诉类别', '责任部门', '已定级投诉数', '超时数', '超时率']);
    const label: Record<string, string> = { general: '一般', major: '重大', serious: '严重', unassigned: '未分配' };
    expect(rows).toEqual(stats.items.map((i: any) => [i.month, label[i.class], label[i.department] ?? i.department, i.classified, i.breached, i.breachRate]));
  });

  it('R-ALLOC-2: the allocation proposal and its lines in rule order, for the line and for the month', async () => {
    const view = await json('gm', '/allocations/2026-04/polyolefin');
    expect(view.lines).toHaveLength(2);
    const book = await workbook('gm', '/allocations/2026-04/polyolefin');
    const summary = sheetOf(book, '分配方案');
    expect(summary.header.slice(0, 8)).toEqual(['月份', '产品线', '轮次', '状态', '可分配量(吨)', '需求量(吨)', '分配量(吨)', '缺口(吨)']);
    expect(summary.rows).toEqual([[view.month, '聚烯烃', view.round, '草稿', view.availableTonnes, view.demandTonnes, view.allocatedTonnes, view.shortfallTonnes, view.note, view.proposedBy, beijing(view.proposedAt), null, null, null]]);
    const lines = sheetOf(book, '方案明细');
    expect(lines.header).toContain('调整原因');
    expect(lines.rows.map((r) => [r[lines.header.indexOf('客户编号')], r[lines.header.indexOf('排名')], r[lines.header.indexOf('分配量(吨)')]])).toEqual(view.lines.map((l: any) => [l.customerId, l.rank, l.allocatedTonnes]));
    const month = await json('gm', '/allocations/2026-04');
    const monthBook = sheetOf(await workbook('gm', '/allocations/2026-04'), '分配方案');
    expect(monthBook.rows.map((r) => r[1])).toEqual(month.allocations.map(() => '聚烯烃'));
  });

  it('R-SURV-1: the survey\'s responses and the report\'s stored figures', async () => {
    const survey = await replayed('gm', '/satisfaction-surveys/2026');
    const book = await workbook('gm', '/satisfaction-surveys/2026');
    const responses = sheetOf(book, '调查答复');
    expect(responses.header).toEqual(['客户编号', '调查方式', '答复日期', '产品质量', '服务质量', '公司形象', '意见', '记录人']);
    const channel: Record<string, string> = { phone: '电话', face_to_face: '面谈' };
    expect(responses.rows).toEqual(survey.responses.map((r: any) => [r.customerId, channel[r.channel], day(r.respondedOn), r.answers.productQuality.score, r.answers.serviceQuality.score, r.answers.companyImage.score, r.comments, r.by]));
    const figures = new Map(sheetOf(book, '调查报告').rows.map((r) => [r[0], r[1]]));
    expect(figures.get('答复数')).toBe(survey.report.aggregates.responseCount);
    expect(figures.get('服务质量平均分')).toBe(survey.report.aggregates.averages.serviceQuality);
    expect(figures.get('最低项')).toBe('服务质量');
  });

  it('R-EVAL-2: the quarterly review per class and the customers ranked by volume', async () => {
    const review = await json('gm', '/key-accounts/reviews?period=2026-Q1');
    expect(review.customers.map((c: any) => c.customerId).sort()).toEqual(['x-1', 'x-2']);
    const book = await workbook('gm', '/key-accounts/reviews?period=2026-Q1');
    const classes = sheetOf(book, book.worksheets[0].name);
    expect(classes.header.slice(0, 3)).toEqual(['销售对象', '客户数', '提货量(吨)']);
    expect(classes.rows.map((r) => [r[1], r[2]])).toEqual(review.classes.map((c: any) => [c.customers, c.tonnes]));
    const ranked = sheetOf(book, '客户排名');
    expect(ranked.header).toEqual(['排名', '客户编号', '客户名称', '销售对象', '等级', '客户经理', '提货量(吨)', '占比', '累计占比', 'ABC分类']);
    expect(ranked.rows.map((r) => [r[0], r[1], r[6], r[9]])).toEqual(review.customers.map((c: any) => [c.rank, c.customerId, c.tonnes, c.abcClass]));
  });

  it('第五条: the monthly statement between its opening and closing balance, in yuan', async () => {
    const statement = await replayed('finance', '/customers/x-1/statements/2026-04');
    expect(statement.entries).toHaveLength(1);
    const { header, rows } = sheetOf(await workbook('finance', '/customers/x-1/statements/2026-04'), '宁波甬兴塑业有限公司 2026-04 对账单');
    expect(header).toEqual(['日期', '类型', '单据', '吨数', '单价(元/吨)', '金额(元)', '余额(元)']);
    const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
    expect(rows).toEqual([
      [null, '期初余额', null, null, null, null, yuan(statement.openingFen)],
      ...statement.entries.map((e: any) => [day(e.date), '收款', e.reference, e.tonnes, yuan(e.priceFen), yuan(e.amountFen), yuan(e.balanceAfterFen)]),
      [null, '期末余额', null, null, null, null, yuan(statement.closingFen)],
    ]);
    expect(rows.at(-1)?.[6]).toBe(120000.5);
  });

  it('R-ARC-3: the audit history, one row per event of the history endpoint, in Beijing time', async () => {
    const history = await replayed('auditor', '/customers/x-1/history?limit=1000');
    const { header, rows } = sheetOf(await workbook('auditor', '/customers/x-1/export'), '审计记录');
    expect(header).toEqual(['全局序号', '事件流', '版本', '事件', '事件类型', '操作人', '用户名', '发生时间（北京时间）', '记录时间（北京时间）', '之前状态', '之后状态', '数据']);
    const stateCell = (s: { state?: string; label?: { zh: string } }) => s.label?.zh ?? s.state ?? null;
    expect(rows).toEqual(history.entries.map((e: any) => [e.position, e.streamId, e.revision, e.title.zh, e.type, e.actorLabel.zh, e.actor, beijing(e.occurredAt), beijing(e.recordedAt), stateCell(e.stateBefore), stateCell(e.stateAfter), JSON.stringify(e.data)]));
    // the auditor reads people and events by name, not by username or event type
    expect(rows.some((r) => typeof r[3] === 'string' && /[\u4e00-\u9fff]/.test(r[3] as string))).toBe(true);
    const log = await api.store.readStream('audit-log-2026-04');
    expect(log.at(-1)?.data).toMatchObject({ who: 'auditor', customerId: 'x-1', what: 'export:xlsx' });
  });

  it('every CSV starts with a UTF-8 BOM and has the same Chinese headers; Accept negotiates a download without ?format', async () => {
    const finance = await token('finance');
    for (const path of ['/customers/x-1/statements/2026-04?format=csv', '/reports/grade-changes?month=2026-03&format=csv']) {
      const csv = await download(api, path, finance);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const statement = (await download(api, '/customers/x-1/statements/2026-04?format=csv', finance)).bytes.toString('utf8');
    expect(statement.slice(1).split('\r\n')[0]).toBe('日期,类型,单据,吨数,单价(元/吨),金额(元),余额(元)');
    expect(statement).toContain('期末余额,,,,,120000.50');
    const audit = (await download(api, '/customers/x-1/export?format=csv', await token('auditor'))).bytes.toString('utf8');
    expect(audit.startsWith('\uFEFF全局序号,事件流,版本,事件,事件类型,操作人,用户名,发生时间（北京时间）')).toBe(true);
    const negotiated = await download(api, '/sla/stats?from=2026-03&to=2026-04', await token('supervisor'), { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(negotiated.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(negotiated.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const refused = await as('supervisor', 'GET', '/sla/stats?from=2026-03&to=2026-04&format=pdf');
    expect([refused.status, refused.body.field]).toEqual([400, 'format']);
  });
});
