import { localMessages } from '../../i18n/local-messages';

/** The customer-development page's own strings (zh-CN is the source; English must have every key). */
export const useDevelopmentT = localMessages({
  'zh-CN': {
    subtitle: '目标客户档案（R-DEV-1）、季度开发计划及其审批（R-DEV-2）、周/月进度（R-DEV-3）。',
    prospectsTitle: '目标客户',
    prospectsEmpty: '暂无目标客户。',
    company: '企业名称',
    region: '区域',
    products: '意向产品',
    tonnes: '预计年用量（吨）',
    source: '来源',
    status: '状态',
    registeredAt: '登记时间',
    manager: '客户经理',
    'prospect.active': '跟进中',
    'prospect.converted': '已转开户',
    'prospect.dropped': '已放弃',
    'source.market_survey': '市场摸底',
    'source.visit': '走访',
    'source.referral': '推荐',
    'source.exhibition': '展会',
    'source.inbound': '客户来访',
    'source.other': '其他',
    registerTitle: '登记目标客户',
    registerIntro: '统一社会信用代码可暂缺；填写时须通过校验位检查。意向产品以逗号分隔。',
    creditCode: '统一社会信用代码（可选）',
    legalRepresentative: '法定代表人（可选）',
    tonnesOptional: '预计年用量（吨，可选）',
    notes: '备注（可选）',
    register: '登记',
    registered: '目标客户 {name} 已登记。',
    plansTitle: '开发计划',
    plansEmpty: '暂无开发计划。',
    quarter: '季度',
    plan: '计划',
    drafter: '起草人',
    open: '查看',
    'state.draft': '草稿',
    'state.review.departmentHead': '待部门负责人审批',
    'state.review.managersMeeting': '待经理办公会审批',
    'state.approved': '已批准',
    'state.rejected': '已否决',
    'state.concluded': '已到期，待季度考核',
    'state.assessment': '季度考核中',
    'state.assessed': '已考核兑现',
    missingTitle: '缺报周报',
    missingIntro: '已批准的计划，截至所选日期应报而未报的周（以周一命名，周日过后即应报）。',
    asOf: '截至日期',
    missingEmpty: '截至该日没有缺报的周报。',
    missingWeeks: '缺报的周',
    back: '返回客户开发',
    deadline: '截止时间',
    budget: '预算（元）',
    targetsTitle: '开发目标',
    prospect: '目标客户',
    goal: '目标',
    targetTonnes: '目标量（吨）',
    achieved: '完成情况',
    yes: '已完成',
    no: '未完成',
    supportTitle: '需其他部门支持',
    approvalsTitle: '审批',
    departmentHead: '部门负责人',
    managersMeeting: '经理办公会',
    approvedBy: '{by} 于 {at} 批准',
    meetingHeld: '会议时间 {at}',
    pending: '待审批',
    lastReason: '最近的退回/否决理由',
    progressTitle: '进度报告',
    progressEmpty: '本季度尚无进度报告。',
    period: '期间',
    summary: '进展',
    problems: '问题',
    reportedBy: '报告人',
    weekOf: '{week} 起的一周',
    monthOf: '{month} 月报',
    decideHeadTitle: '部门负责人审批',
    decideMeetingTitle: '记录经理办公会审批',
    comment: '意见（可选）',
    minutes: '会议纪要',
    heldAt: '会议时间（北京时间）',
    reason: '退回或否决理由',
    approve: '批准',
    recordMeeting: '记录批准',
    return: '退回修改',
    reject: '否决',
    decided: '已提交，计划状态：{state}。',
  },
  en: {
    subtitle: 'Prospect archives (R-DEV-1), quarterly development plans and their approval (R-DEV-2), weekly and monthly progress (R-DEV-3).',
    prospectsTitle: 'Prospects',
    prospectsEmpty: 'No prospects yet.',
    company: 'Company',
    region: 'Region',
    products: 'Products of interest',
    tonnes: 'Estimated tonnes a year',
    source: 'Source',
    status: 'Status',
    registeredAt: 'Registered',
    manager: 'Customer manager',
    'prospect.active': 'Active',
    'prospect.converted': 'Converted',
    'prospect.dropped': 'Dropped',
    'source.market_survey': 'Market survey',
    'source.visit': 'Visit',
    'source.referral': 'Referral',
    'source.exhibition': 'Exhibition',
    'source.inbound': 'Inbound',
    'source.other': 'Other',
    registerTitle: 'Register a prospect',
    registerIntro: 'The credit code may be left out; when given it must pass the check character test. Separate products with commas.',
    creditCode: 'Unified social credit code (optional)',
    legalRepresentative: 'Legal representative (optional)',
    tonnesOptional: 'Estimated tonnes a year (optional)',
    notes: 'Notes (optional)',
    register: 'Register',
    registered: 'Prospect {name} registered.',
    plansTitle: 'Development plans',
    plansEmpty: 'No development plans yet.',
    quarter: 'Quarter',
    plan: 'Plan',
    drafter: 'Drafted by',
    open: 'Open',
    'state.draft': 'Draft',
    'state.review.departmentHead': 'Waiting for the department head',
    'state.review.managersMeeting': "Waiting for the managers' meeting",
    'state.approved': 'Approved',
    'state.rejected': 'Rejected',
    'state.concluded': 'Deadline passed, awaiting the quarterly assessment',
    'state.assessment': 'Quarterly assessment',
    'state.assessed': 'Assessed',
    missingTitle: 'Missing weekly summaries',
    missingIntro: 'Approved plans with weeks owed but not reported as of the chosen date (a week is named by its Monday and owed once its Sunday is past).',
    asOf: 'As of',
    missingEmpty: 'No weekly summary is missing as of that date.',
    missingWeeks: 'Weeks missing',
    back: 'Back to customer development',
    deadline: 'Deadline',
    budget: 'Budget (yuan)',
    targetsTitle: 'Targets',
    prospect: 'Prospect',
    goal: 'Goal',
    targetTonnes: 'Target tonnes',
    achieved: 'Achieved',
    yes: 'Achieved',
    no: 'Not yet',
    supportTitle: 'Support requested from other departments',
    approvalsTitle: 'Approvals',
    departmentHead: 'Department head',
    managersMeeting: "Managers' meeting",
    approvedBy: 'approved by {by} at {at}',
    meetingHeld: 'meeting held {at}',
    pending: 'pending',
    lastReason: 'Last reason for return or rejection',
    progressTitle: 'Progress reports',
    progressEmpty: 'No progress reported this quarter yet.',
    period: 'Period',
    summary: 'Progress',
    problems: 'Problems',
    reportedBy: 'Reported by',
    weekOf: 'week of {week}',
    monthOf: 'month {month}',
    decideHeadTitle: 'Department head decision',
    decideMeetingTitle: "Record the managers' meeting decision",
    comment: 'Comment (optional)',
    minutes: 'Minutes',
    heldAt: 'Held at (Beijing time)',
    reason: 'Reason to return or reject',
    approve: 'Approve',
    recordMeeting: 'Record approval',
    return: 'Return for revision',
    reject: 'Reject',
    decided: 'Done; the plan is now: {state}.',
  },
});

export type DevelopmentT = ReturnType<typeof useDevelopmentT>['t'];

export interface Prospect {
  prospectId: string;
  companyName: string;
  region: string;
  productsOfInterest: string[];
  estimatedTonnesPerYear: number | null;
  source: string;
  customerManagerId: string;
  status: string;
  registeredAt: string;
}

export interface PlanTarget { targetId: string; prospectId: string; goal: string; targetTonnes: number | null; customerManagerId?: string | null }

export interface PlanRow { planId: string; quarter: string; deadline: string; draftedBy: string; status: string }

export interface PlanDetail {
  id: string;
  state: string;
  content: { quarter: string; deadline: string; budgetYuan: number; targets: PlanTarget[]; supportRequested: Array<{ department: string; request: string }> } | null;
  authors: string[];
  departmentHeadApproval: { by: string; at: string } | null;
  meetingApproval: { by: string; at: string; heldAt: string } | null;
  achievedTargets: string[];
}

export interface ProgressEntry {
  entryId: string;
  targetId: string;
  kind: 'weekly' | 'monthly';
  weekStarting: string | null;
  month: string;
  summary: string;
  achieved: boolean;
  problems: string | null;
  reportedBy: string;
  reportedAt: string;
}

export interface Answer { id: string; state?: string; position: number }

export type DevelopmentKey = Parameters<DevelopmentT>[0];
/** A label for an API value (state, source…); an unknown value is shown as it is. */
export const labelFor = (t: DevelopmentT, prefix: string, value: string): string => {
  const label = t(`${prefix}.${value}` as DevelopmentKey);
  return label === undefined || label === `${prefix}.${value}` ? value : label;
};
