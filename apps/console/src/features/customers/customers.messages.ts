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
    customerId: '客户编号',
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
    customerId: 'Customer id',
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
}

export interface GradeFact { kind: string; month: string | null; tonnage: number | null; previousGrade: string | null; newGrade: string; cause: string; ruleId: string; at: string; position: number }
export interface CustomerDocument { documentId: string; kind: string; number: string; validFrom: string; validUntil: string; warnAt: string; status: string; warnedAt: string | null; expiredAt: string | null }
export interface CustomerDetail extends CustomerSummary {
  applicationId: string | null;
  invoicing: { bank: string; accountNumber: string; postalAddress: string; telephone: string } | null;
  contacts: Array<{ name: string; telephone: string; position?: string; email?: string }> | null;
  documents: CustomerDocument[];
  gradeHistory: GradeFact[];
  monthlyTonnage: Array<{ month: string; tonnes: number; pickups: number }>;
}
