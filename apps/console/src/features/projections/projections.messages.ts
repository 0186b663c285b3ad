import { localMessages } from '../../i18n/local-messages';

/** 数据视图状态 (issue 16): the read models, how far each has read the event log, and rebuilds. */
const ZH = {
  subtitle: '每个查询视图由事件日志逐条生成。这里显示各视图已处理到第几条事件、比日志最新一条落后多少；视图有误时可从头重建，重建期间该视图的查询可能暂时不完整。',
  loading: '正在读取…',
  head: '事件日志最新一条：第 {head} 条',
  view: '数据视图',
  position: '已处理到',
  positionValue: '第 {position} 条 / 共 {head} 条',
  caughtUp: '已追上',
  behind: '落后 {n} 条事件',
  state: '状态',
  leading: '本实例更新',
  following: '由其他实例更新',
  failing: '出错：{error}',
  lastRebuild: '最近一次重建',
  never: '未重建过',
  running: '重建中：{position} / {target}',
  rebuilt: '{at} 完成，{events} 条事件，用时 {seconds} 秒',
  rebuildFailed: '{at} 失败：{error}',
  rebuild: '重建',
  rebuildOf: '重建 {view}',
  rebuildConfirm: '确认从头重建“{view}”？将清空该视图并按事件日志重新生成，完成前相关页面的数据可能不完整。',
  rebuildButton: '确认重建',
  started: '已开始重建“{view}”。',
  refresh: '刷新',
};

const EN: Record<keyof typeof ZH, string> = {
  subtitle: 'Each read model is built from the event log, one event at a time. This shows how far each has processed the log and how far it is behind the newest event; a wrong one can be rebuilt from the start, and while it rebuilds its queries may be incomplete.',
  loading: 'Reading…',
  head: 'Newest event in the log: no. {head}',
  view: 'Read model',
  position: 'Processed up to',
  positionValue: 'no. {position} of {head}',
  caughtUp: 'Caught up',
  behind: '{n} events behind',
  state: 'State',
  leading: 'Updated by this instance',
  following: 'Updated by another instance',
  failing: 'Failing: {error}',
  lastRebuild: 'Last rebuild',
  never: 'Never rebuilt',
  running: 'Rebuilding: {position} / {target}',
  rebuilt: 'Finished {at}, {events} events in {seconds} s',
  rebuildFailed: 'Failed {at}: {error}',
  rebuild: 'Rebuild',
  rebuildOf: 'Rebuild {view}',
  rebuildConfirm: 'Rebuild “{view}” from the start? It is emptied and built again from the event log; until it finishes, the pages that use it may be incomplete.',
  rebuildButton: 'Rebuild',
  started: 'Rebuilding “{view}” has started.',
  refresh: 'Refresh',
};

export const useProjectionsT = localMessages({ 'zh-CN': ZH, en: EN });

/** Every read model the API runs (GET /admin/projections), as people call it. */
const VIEW_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  timers: { zh: '到期提醒计时', en: 'Due-time timers' },
  'archive-filing': { zh: '档案备案', en: 'Archive filings' },
  'customer-streams': { zh: '客户事件索引（审计）', en: 'Customer event index (audit)' },
  committee: { zh: '价格和客户委员会', en: 'Price and customer committee' },
  sales_contracts: { zh: '销售合同', en: 'Sales contracts' },
  complaints: { zh: '客户投诉', en: 'Complaints' },
  sla_alerts: { zh: '投诉时限预警', en: 'Complaint deadline alerts' },
  consultations: { zh: '客户咨询', en: 'Consultations' },
  customers: { zh: '客户档案', en: 'Customer archives' },
  customer_grade_history: { zh: '客户等级变动', en: 'Customer grade changes' },
  customer_documents: { zh: '客户证照', en: 'Customer documents' },
  customer_pickups: { zh: '客户提货', en: 'Customer pickups' },
  dev_prospects: { zh: '潜在客户', en: 'Prospects' },
  dev_plans: { zh: '客户开发计划', en: 'Development plans' },
  dev_monthly_reports: { zh: '开发月报', en: 'Development monthly reports' },
  file_references: { zh: '附件引用', en: 'File references' },
  key_account_sales_plans: { zh: '重点客户销售计划', en: 'Key-account sales plans' },
  key_account_signals: { zh: '重点客户信号', en: 'Key-account signals' },
  resource_allocations_by_line: { zh: '资源分配（按产品线）', en: 'Resource allocations by product line' },
  notification_outbox: { zh: '通知发件箱', en: 'Notification outbox' },
  'onboarding-applications': { zh: '准入申请', en: 'Onboarding applications' },
  'onboarding-identity-keys': { zh: '准入申请身份查重', en: 'Onboarding identity checks' },
  delegations: { zh: '委托授权', en: 'Delegations' },
  visit_plans: { zh: '走访计划', en: 'Visit plans' },
  visit_reports: { zh: '走访报告', en: 'Visit reports' },
  customer_forums: { zh: '客户座谈会', en: 'Customer forums' },
  tasks: { zh: '待办', en: 'Tasks' },
  users: { zh: '用户与角色', en: 'Users and roles' },
};

/** The read model's name in words; one this list does not know yet reads as "other" with its technical name. */
export function viewWord(name: string, lang: 'zh-CN' | 'en'): string {
  const w = VIEW_WORDS[name];
  if (w) return lang === 'en' ? w.en : w.zh;
  return lang === 'en' ? `Other read model (${name})` : `其他视图（${name}）`;
}

export const KNOWN_VIEWS = Object.keys(VIEW_WORDS);
