import { localMessages } from '../../i18n/local-messages';

/** The complaint policy as versioned data (R-CMP-2, R-CMP-3) and its proposal to the committee (R-PRICE-1). */
const ZH = {
  subtitle: '新登记的投诉适用现行版本，处理中的投诉保留登记时的版本。新版本经价格与客户管理委员会审议通过后生效（R-PRICE-1）。',
  loading: '正在读取投诉处理方案…',
  current: '现行方案：{version}',
  shipped: '随系统发布的默认方案',
  approvedOn: '经委员会审议通过，{at} 生效',
  publishedOn: '{at} 生效',
  general: '一般投诉时限',
  major: '较大投诉时限',
  max: '含延期最长',
  days: '{n} 个工作日',
  warning: '预警点',
  warningValue: '时限过去 {p}% 时提醒经办人和主管领导',
  handlers: '受理和处理部门（R-CMP-1）',
  resolvers: '审批处理意见（R-CMP-2）',
  extenders: '审批延期，依次（R-CMP-3）',
  versions: '历次版本',
  version: '版本',
  inForce: '生效时间',
  deadlines: '时限（一般 / 较大 / 最长）',
  draft: '起草新版本',
  draftIntro: '按制度原文，一般投诉不超过 1 个工作日，较大投诉不超过 3 个工作日，含延期不超过 7 个工作日；只能缩短，不能延长。',
  versionName: '版本号',
  generalDays: '一般投诉（工作日）',
  majorDays: '较大投诉（工作日）',
  maxDays: '含延期最长（工作日）',
  warningShare: '预警比例（0 到 1 之间，如 0.75）',
  submit: '提交委员会审议',
  submitted: '版本 {version} 已提交价格与客户管理委员会审议；委员会通过后对新登记的投诉生效。',
  pickOne: '请至少选择一个角色',
  generalRule: '一般投诉不超过 1 个工作日（R-CMP-3）',
  majorRule: '较大投诉不超过 3 个工作日（R-CMP-3）',
  maxRule: '含延期不超过 7 个工作日，且不短于各类投诉的时限（R-CMP-3）',
  shareRule: '请填写 0 到 1 之间的小数',
  sending: '提交中…',
};

const EN: Record<keyof typeof ZH, string> = {
  subtitle: 'Complaints recorded now get the version in force; open ones keep the version they were recorded with. A new version takes effect once the price and customer committee approves it (R-PRICE-1).',
  loading: 'Reading the complaint policy…',
  current: 'In force: {version}',
  shipped: 'The default shipped with the system',
  approvedOn: 'Approved by the committee, in force since {at}',
  publishedOn: 'In force since {at}',
  general: 'General complaint',
  major: 'Major complaint',
  max: 'At most, extensions included',
  days: '{n} working days',
  warning: 'Warning',
  warningValue: 'The handler and supervisor are warned after {p}% of the time',
  handlers: 'Recording and handling (R-CMP-1)',
  resolvers: 'Approve resolutions (R-CMP-2)',
  extenders: 'Approve extensions, in order (R-CMP-3)',
  versions: 'Every version',
  version: 'Version',
  inForce: 'In force since',
  deadlines: 'Deadlines (general / major / at most)',
  draft: 'Draft a new version',
  draftIntro: 'The policy text allows at most 1 working day for a general complaint, 3 for a major one and 7 with extensions: shorter, never longer.',
  versionName: 'Version name',
  generalDays: 'General (working days)',
  majorDays: 'Major (working days)',
  maxDays: 'At most with extensions (working days)',
  warningShare: 'Warning share (between 0 and 1, e.g. 0.75)',
  submit: 'Submit to the committee',
  submitted: 'Version {version} went to the price and customer committee; once approved it applies to complaints recorded from then on.',
  pickOne: 'Choose at least one role',
  generalRule: 'A general complaint gets at most 1 working day (R-CMP-3)',
  majorRule: 'A major complaint gets at most 3 working days (R-CMP-3)',
  maxRule: 'At most 7 working days with extensions, and no less than any class’s deadline (R-CMP-3)',
  shareRule: 'A fraction between 0 and 1',
  sending: 'Sending…',
};

export const usePolicyT = localMessages({ 'zh-CN': ZH, en: EN });

export interface PolicyVersion {
  policy: { version: string; deadlines: { general: number; major: number }; maxWorkingDays: number; warningShare: number; handlerRoles: string[]; resolutionApproverRoles: string[]; extensionApproverRoles: string[]; readings?: unknown };
  publishedAt: string | null;
  position: number | null;
  approval: { proposalId: string; decidedBy: string; decidedAt: string } | null;
}
