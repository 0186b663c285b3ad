import { localMessages } from '../../i18n/local-messages';

export const useCustomersT = localMessages({
  'zh-CN': {
    subtitle: '客户档案：等级变化、资质证件有效期、供货状态与月度提货量。',
    filters: '筛选',
    any: '全部',
    status: '状态',
    grade: '等级',
    productLine: '产品线',
    salesObject: '销售对象',
    region: '区域',
    regionPlaceholder: '如：华东',
    search: '名称或信用代码',
    searchPlaceholder: '如：甬兴 或 91330200',
    apply: '筛选',
    reset: '清除',
    total: '共 {n} 户',
    empty: '没有符合条件的客户。',
    name: '客户名称',
    manager: '客户经理',
    openedAt: '开户时间',
    open: '查看档案',
    'status.active': '正常',
    'status.suspended': '暂停供货',
    'status.disqualified': '已取消资格',
    'grade.online_auction': '网上竞价客户',
    'grade.ordinary': '普通客户',
    'grade.one_star': '一星级',
    'grade.two_star': '二星级',
    'grade.three_star': '三星级',
    'grade.none': '不分级',
    back: '返回客户列表',
    archive: '档案',
    creditCode: '统一社会信用代码',
    application: '开户申请',
    class: '客户类别',
    suspendedSince: '自 {at} 起暂停供货（证件过期，R-EVAL-1）',
    disqualifiedAt: '已于 {at} 取消资格',
    gradeHistory: '等级变化',
    gradeChartTitle: '{name} 的等级变化',
    'cause.opened': '开户',
    'cause.monthly_evaluation': '月度评定',
    'cause.reevaluation': '重新评定',
    'cause.became_planned': '转为计划客户',
    'cause.direct_customer': '直销客户',
    'cause.reviewed_evaluation': '销售部确认的月度评定',
    when: '时间',
    change: '变化',
    cause: '原因',
    evidence: '依据',
    evidenceMonth: '{month} 提货 {t} 吨',
    documents: '资质证件',
    docKind: '证件',
    docNumber: '号码',
    validity: '有效期',
    docStatus: '状态',
    docFile: '扫描件',
    registrations: '本公司其他产品线登记',
    registrationsHidden: '另有 {n} 个产品线登记由其他客户经理负责。',
    preview: '预览',
    download: '下载',
    previewOf: '{name} 预览',
    close: '关闭',
    noFile: '未上传',
    'doc.valid': '有效',
    'doc.soon': '即将到期',
    'doc.expired': '已过期',
    warnedOn: '已于 {at} 提醒',
    tonnage: '月度提货量',
    tonnageChartTitle: '{name} 各月提货量（吨）',
    month: '月份',
    tonnes: '吨',
    pickups: '提货次数',
    noTonnage: '暂无提货记录。',
    contacts: '联系人',
    invoicing: '开票资料',
    complaints: '投诉记录',
    complaintsLoading: '正在读取投诉…',
    complaintsNone: '该客户没有投诉记录。',
    complaintsNotReadable: '您的角色不能查看投诉（投诉由客户经理、销售部、主管、总经理和审计查看）。',
    complaintsShown: '显示最近 {n} 件',
    complaintId: '投诉编号',
    complaintStatus: '状态',
    complaintClass: '类别',
    complaintReceived: '受理时间',
    complaintDue: '到期时间',
    complaintLeft: '剩余 / 超时',
    complaintUnclassified: '待分类，尚无时限',
    complaintClockStopped: '已告知客户，计时停止',
    complaintBreached: '已超时',
    complaintWarned: '已预警',
  },
  en: {
    subtitle: 'Customer archives: grade history, qualification documents and their expiry, supply status and monthly tonnage.',
    filters: 'Filters',
    any: 'Any',
    status: 'Status',
    grade: 'Grade',
    productLine: 'Product line',
    salesObject: 'Sales object',
    region: 'Region',
    regionPlaceholder: 'e.g. 华东',
    search: 'Name or credit code',
    searchPlaceholder: 'e.g. Yongxing or 91330200',
    apply: 'Filter',
    reset: 'Clear',
    total: '{n} customers',
    empty: 'No customer matches.',
    name: 'Customer',
    manager: 'Manager',
    openedAt: 'Opened',
    open: 'Open archive',
    'status.active': 'Active',
    'status.suspended': 'Suspended',
    'status.disqualified': 'Disqualified',
    'grade.online_auction': 'Online auction',
    'grade.ordinary': 'Ordinary',
    'grade.one_star': 'One star',
    'grade.two_star': 'Two stars',
    'grade.three_star': 'Three stars',
    'grade.none': 'Not graded',
    back: 'Back to customers',
    archive: 'Archive',
    creditCode: 'Credit code',
    application: 'Application',
    class: 'Class',
    suspendedSince: 'Supply suspended since {at} (expired document, R-EVAL-1)',
    disqualifiedAt: 'Disqualified on {at}',
    gradeHistory: 'Grade history',
    gradeChartTitle: 'Grade history of {name}',
    'cause.opened': 'Opened',
    'cause.monthly_evaluation': 'Monthly evaluation',
    'cause.reevaluation': 'Re-evaluation',
    'cause.became_planned': 'Became planned',
    'cause.direct_customer': 'Direct customer',
    'cause.reviewed_evaluation': 'Monthly evaluation confirmed by sales',
    when: 'When',
    change: 'Change',
    cause: 'Cause',
    evidence: 'Evidence',
    evidenceMonth: '{month}: {t} t picked up',
    documents: 'Qualification documents',
    docKind: 'Document',
    docNumber: 'Number',
    validity: 'Valid',
    docStatus: 'Status',
    docFile: 'Scan',
    registrations: "The company's other product-line registrations",
    registrationsHidden: '{n} more registration(s) handled by other customer managers.',
    preview: 'Preview',
    download: 'Download',
    previewOf: 'Preview of {name}',
    close: 'Close',
    noFile: 'none on file',
    'doc.valid': 'Valid',
    'doc.soon': 'Expiring soon',
    'doc.expired': 'Expired',
    warnedOn: 'warned {at}',
    tonnage: 'Monthly tonnage',
    tonnageChartTitle: 'Tonnes picked up per month by {name}',
    month: 'Month',
    tonnes: 't',
    pickups: 'Pickups',
    noTonnage: 'No pickups yet.',
    contacts: 'Contacts',
    invoicing: 'Invoicing data',
    complaints: 'Complaints',
    complaintsLoading: 'Reading complaints…',
    complaintsNone: 'No complaint recorded for this customer.',
    complaintsNotReadable: 'Your role cannot read complaints (customer managers, sales, supervisors, the general manager and auditors can).',
    complaintsShown: 'latest {n} shown',
    complaintId: 'Complaint',
    complaintStatus: 'Status',
    complaintClass: 'Class',
    complaintReceived: 'Received',
    complaintDue: 'Due',
    complaintLeft: 'Left / overdue',
    complaintUnclassified: 'not classified yet: no deadline',
    complaintClockStopped: 'customer told: clock stopped',
    complaintBreached: 'Breached',
    complaintWarned: 'Warned',
  },
});

export type CustomersT = ReturnType<typeof useCustomersT>['t'];
export const GRADES = ['online_auction', 'ordinary', 'one_star', 'two_star', 'three_star'] as const;

export interface CustomerSummary {
  customerId: string;
  name: string;
  productLine: string;
  class: { salesObject: string; salesForm: string | null };
  grade: string | null;
  customerManagerId: string;
  region: string;
  status: 'active' | 'suspended' | 'disqualified';
  suspendedSince: string | null;
  disqualifiedAt: string | null;
  openedAt: string;
  /** the list's items carry them (ADR 0034) */
  identifiers?: Record<string, string> | null;
}

export interface GradeFact { kind: string; month: string | null; tonnage: number | null; previousGrade: string | null; newGrade: string; cause: string; ruleId: string; at: string; position: number }
/** A scan on file (ADR 0018), by content. */
export interface DocumentFile { sha256: string; name: string; mediaType: string }
export interface CustomerDocument { documentId: string; kind: string; number: string; validFrom: string; validUntil: string; warnAt: string; status: string; warnedAt: string | null; expiredAt: string | null; file?: DocumentFile | null }
export interface CustomerDetail extends CustomerSummary {
  applicationId: string | null;
  /** R-TIER-1: the company's other product lines (absent from services before registrations) */
  registrations?: { items: CustomerSummary[]; hidden: number };
  invoicing: { bank: string; accountNumber: string; postalAddress: string; telephone: string } | null;
  contacts: Array<{ name: string; telephone?: string; phone?: string; position?: string; email?: string }> | null;
  documents: CustomerDocument[];
  gradeHistory: GradeFact[];
  /** R-TIER-4 (ADR 0023): proposed, held and lapsed moves */
  gradeReviews?: GradeFact[];
  monthlyTonnage: Array<{ month: string; tonnes: number; pickups: number }>;
  pendingDisqualification: { reason: string; evidence: string[]; proposedBy: string; proposedAt: string } | null;
  /** the people the archive names, by user id (absent from services before names were sent) */
  people?: Record<string, { name: string }>;
}

/** A person as the console shows them: the name ('王经理 (customer manager)' → '王经理', as the home page greets), or the user id when the directory does not know it. */
export const personName = (people: CustomerDetail['people'], id: string): string => people?.[id]?.name.replace(/\s*\([^)]*\)\s*$/, '') ?? id;
