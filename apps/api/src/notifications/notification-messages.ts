import type { NotificationLanguage } from './user-notification-settings';

type Text = Readonly<Record<NotificationLanguage, string>>;
type Data = Record<string, any>;

/** What a notification says about its event, before the company, the deadline and the link are added. */
export interface MessageTemplate {
  title: Text | ((data: Data, language: NotificationLanguage) => string);
  step?: Text | ((data: Data) => string | null);
  dueAt?: (data: Data) => string | null;
  detail?: (data: Data, language: NotificationLanguage) => string | null;
}

const text = (value: unknown, max = 300): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);
const FIELD_ZH: Readonly<Record<string, string>> = { contacts: '联系人', invoicing: '开票资料', class: '客户类别', customerManagerId: '客户经理', region: '区域', name: '公司名称', identifiers: '统一社会信用代码' };
const changedFields = (data: Data, language: NotificationLanguage): string | null => {
  const fields = Object.keys((data.changes as Data | undefined) ?? {});
  if (fields.length === 0) return null;
  const names = language === 'zh' ? fields.map((f) => FIELD_ZH[f] ?? f).join('、') : fields.join(', ');
  return `${language === 'zh' ? '变更内容' : 'Changed'}: ${names}${text(data.reason) ? ` (${text(data.reason)})` : ''}`;
};
const taskTitle = (zh: string, en: string) => (data: Data, language: NotificationLanguage) =>
  language === 'zh' ? `${zh}：${text(data.title) ?? ''}` : `${en}: ${text(data.title) ?? ''}`;

/**
 * The one table of what each notifying event says, in Chinese (the default) and English. An
 * event type missing here is still delivered, titled with its type; adding a notifying event
 * adds one line here, no code in the channels.
 */
export const MESSAGE_TEMPLATES: Readonly<Record<string, MessageTemplate>> = {
  TaskReminded: { title: taskTitle('待办提醒', 'Task reminder'), step: (d) => text(d.step), dueAt: (d) => text(d.dueAt) },
  TaskEscalated: { title: taskTitle('待办已升级', 'Task escalated'), step: (d) => text(d.step), dueAt: (d) => text(d.dueAt) },
  ComplaintSlaWarned: { title: { zh: '投诉处理时限预警', en: 'Complaint deadline approaching' }, step: { zh: '投诉处理', en: 'complaint handling' }, dueAt: (d) => text(d.dueAt) },
  ComplaintSlaBreached: { title: { zh: '投诉处理已超时', en: 'Complaint deadline breached' }, step: { zh: '投诉处理', en: 'complaint handling' }, dueAt: (d) => text(d.dueAt) },
  ConsultationSlaBreached: { title: { zh: '客户咨询答复已超时', en: 'Customer enquiry answer overdue' }, step: { zh: '客户咨询答复', en: 'enquiry answer' }, dueAt: (d) => text(d.dueAt) },
  ComplaintEscalated: { title: { zh: '严重投诉：报请总经理召开专题会议', en: 'Serious complaint: special meeting for the general manager' }, step: { zh: '专题会议', en: 'special meeting' } },
  VisitReportSubmitted: { title: { zh: '客户走访发现问题，请确认', en: 'Visit findings to acknowledge' }, step: { zh: '走访问题反馈', en: 'visit feedback' }, detail: (d) => text(d.findings) },
  ForumPlanSubmitted: { title: { zh: '客户座谈会筹备计划待审批', en: 'Customer forum preparation plan to approve' }, step: { zh: '座谈会筹备', en: 'forum preparation' }, detail: (d) => text(d.title) },
  ForumMinutesFiled: { title: { zh: '客户座谈会意见待跟进改进', en: 'Customer forum follow-ups' }, step: { zh: '座谈会跟进', en: 'forum follow-up' }, detail: (d) => text(d.title) },
  ApplicationReturnedForRevision: { title: { zh: '开户申请被退回修改', en: 'Application returned for revision' }, step: (d) => text(d.step), detail: (d) => text(d.comment) },
  // monthly entries stored before ADR 0027 named their recipients; the monthly report does now
  DevelopmentProgressRecorded: { title: { zh: '客户开发月度完成情况', en: 'Monthly development report' }, step: { zh: '月度汇报', en: 'monthly report' }, detail: (d) => text(d.summary) },
  DevelopmentMonthlyReportSubmitted: {
    title: (d, language) => (language === 'zh' ? `客户开发月度完成情况（${text(d.month) ?? ''}）` : `Monthly development report (${text(d.month) ?? ''})`),
    step: { zh: '月度汇报', en: 'monthly report' },
    detail: (d, language) => {
      const done = Array.isArray(d.achieved) ? d.achieved.length : 0;
      const all = done + (Array.isArray(d.notAchieved) ? d.notAchieved.length : 0);
      return `${language === 'zh' ? `已完成目标 ${done}/${all}` : `targets achieved ${done}/${all}`}${text(d.summary) ? `: ${text(d.summary)}` : ''}`;
    },
  },
  CustomerArchiveOpened: { title: { zh: '新建客户档案', en: 'Customer archive opened' }, step: { zh: '客户建档', en: 'customer archive' } },
  CustomerInformationChanged: { title: { zh: '客户信息变更', en: 'Customer information changed' }, step: { zh: '客户档案', en: 'customer archive' }, detail: changedFields },
  QualificationDocumentRenewed: { title: { zh: '客户资质证件已更新', en: 'Qualification document renewed' }, step: { zh: '客户档案', en: 'customer archive' } },
  DocumentExpiryWarned: { title: { zh: '客户资质证件即将到期', en: 'Qualification document expiring' }, step: { zh: '资质换证', en: 'document renewal' }, dueAt: (d) => text(d.validUntil) },
  CustomerSuspended: { title: { zh: '客户业务已暂停（资质过期）', en: 'Customer suspended (expired qualification)' } },
  CustomerReinstated: { title: { zh: '客户业务已恢复', en: 'Customer reinstated' } },
  CustomerDisqualified: { title: { zh: '客户资格已取消', en: 'Customer disqualified' } },
  SalesPlanMissing: { title: { zh: '独家代理商下月销售计划未报送', en: "Exclusive agent's sales plan for next month missing" }, step: { zh: '月度销售计划', en: 'monthly sales plan' }, dueAt: (d) => text(d.dueAt), detail: (d) => text(d.month) },
  RenewalProofApproved: { title: { zh: '换证证明已审核通过，暂停业务顺延', en: 'Renewal proof approved: suspension postponed' }, step: { zh: '资质换证', en: 'document renewal' }, dueAt: (d) => text(d.graceUntil) },
  // R-ARC-1 (ADR 0024): renames and re-registrations, approved by the sales department; documents added
  IdentityChangeRequested: { title: { zh: '客户更名或统一社会信用代码变更待销售部审批', en: 'Company name or credit code change to approve' }, step: { zh: '客户档案', en: 'customer archive' }, detail: changedFields },
  CustomerIdentityChanged: { title: { zh: '客户更名或统一社会信用代码已变更', en: 'Company name or credit code changed' }, step: { zh: '客户档案', en: 'customer archive' }, detail: changedFields },
  IdentityChangeRejected: { title: { zh: '客户更名或代码变更未获批准', en: 'Company name or credit code change rejected' }, step: { zh: '客户档案', en: 'customer archive' }, detail: (d) => text(d.comment) },
  QualificationDocumentAdded: { title: { zh: '客户档案新增资质证件', en: 'Qualification document added' }, step: { zh: '客户档案', en: 'customer archive' }, detail: (d) => text(d.reason) },
  // R-ARC-3 (ADR 0024): filings with the parent's chemicals sales department and its periodic checks
  ArchiveFilingOpened: {
    title: { zh: '客户资料报产品经销公司化工品销售部备案', en: "Customer records filed with the parent's chemicals sales department" }, step: { zh: '备案', en: 'filing' },
    detail: (d, language) => (Array.isArray(d.fields) && d.fields.length > 0 ? `${language === 'zh' ? '变更内容' : 'Changed'}: ${d.fields.map((f: string) => (language === 'zh' ? FIELD_ZH[f] ?? f : f)).join(language === 'zh' ? '、' : ', ')}` : null),
  },
  ArchiveCheckRecorded: { title: { zh: '产品经销公司档案检查：请销售部回复', en: 'Archive check by the parent: the sales department responds' }, step: { zh: '档案检查', en: 'archive check' }, detail: (d) => text(d.scope) },
  ArchiveCheckResponded: { title: { zh: '档案检查已回复，待检查人关闭', en: 'Archive check answered: to close' }, step: { zh: '档案检查', en: 'archive check' } },
  ArchiveCheckClosed: { title: { zh: '档案检查已关闭', en: 'Archive check closed' }, step: { zh: '档案检查', en: 'archive check' }, detail: (d) => text(d.conclusion) },
  RenewalProofRejected: { title: { zh: '换证证明未获通过', en: 'Renewal proof rejected' }, step: { zh: '资质换证', en: 'document renewal' }, detail: (d) => text(d.comment) },
};

/** The console page of the stream an event is on, when the event names none itself. */
const STREAM_PAGES: ReadonlyArray<readonly [prefix: string, page: (id: string) => string]> = [
  ['complaint-', (id) => `/complaints/${id}`],
  ['customer-', (id) => `/customers/${id}`],
  ['onboarding-', (id) => `/new-application/${id}`],
  ['development-plan-', (id) => `/development/${id}`],
  ['visit-report-', () => '/visits'],
  ['key-account-', (id) => `/key-accounts/${id}`],
  ['archive-filing-', (id) => `/customers/${id}`],
];

/** `data.link` when the event names its page (task notices do), else the page of its stream. */
export function consolePathOf(streamId: string, data: Data): string {
  if (typeof data.link === 'string' && data.link.startsWith('/') && !data.link.startsWith('//')) return data.link;
  const page = STREAM_PAGES.find(([prefix]) => streamId.startsWith(prefix));
  return page ? page[1](encodeURIComponent(streamId.slice(page[0].length))) : '/';
}
