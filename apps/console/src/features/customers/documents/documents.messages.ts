import { useOnboardingLabels } from '../../../components/onboarding-labels';
import { localMessages } from '../../../i18n/local-messages';

/** The archive's documents work (issue 16): adding a document, proofs of a renewal under way, the expiring-documents report. */
export const useDocumentsT = localMessages({
  'zh-CN': {
    card: '证件与换证',
    listView: '客户列表',
    add: '新增资质证件（R-ARC-4）',
    addIntro: '客户取得的新证件连同扫描件存入档案，到期前同其他证件一样提醒。',
    kind: '证件种类',
    number: '证件编号',
    validFrom: '有效期起',
    validUntil: '有效期止',
    reason: '新增原因',
    scan: '扫描件（PDF、JPEG 或 PNG）',
    scanOptional: '扫描件（可选，PDF、JPEG 或 PNG）',
    scanHint: '选择文件后随表单一同上传。',
    chosen: '已选择：{name}',
    scanRequired: '请选择证件扫描件',
    addButton: '新增证件',
    added: '证件已存入档案。',
    sending: '提交中…',
    proof: '提交换证证明（R-EVAL-1）',
    proofIntro: '证件到期未能换证时，可提交换证受理证明，经销售部审核同意后，暂停供货顺延至预计换证日。',
    document: '证件',
    description: '证明说明',
    expectedBy: '预计换证日期',
    proofButton: '提交证明',
    proofSent: '证明已提交，等待销售部审核。',
    noDocument: '档案中没有可以换证的证件。',
    review: '换证证明审核（R-EVAL-1）',
    proofOf: '{doc}（{number}，有效期至 {until}）',
    filed: '{by} 于 {at} 提交：{description}；预计 {expected} 前换证。',
    proofFile: '证明材料',
    comment: '审核意见',
    approve: '同意顺延',
    reject: '驳回',
    rejectConfirm: '驳回后暂停供货不再顺延，证件到期即暂停与该客户的业务往来。确定驳回这份换证证明吗？',
    ownProof: '这份证明由您提交，须由销售部其他同事审核。',
    waiting: '等待销售部审核。',
    approved: '已同意：暂停供货顺延至 {until}。',
    rejected: '已驳回。',
    lastApproved: '最近一次换证证明已由 {by} 于 {at} 同意，暂停供货顺延至 {until}。',
    lastRejected: '最近一次换证证明已由 {by} 于 {at} 驳回，理由：{comment}',
    expiring: '即将到期的资质证件（R-ARC-4）',
    expiringIntro: '今天（{today}）起 {days} 天内到期和已经过期的证件，已取消资格的客户除外。',
    within: '到期范围',
    'within.30': '30 天内',
    'within.60': '60 天内',
    'within.90': '90 天内',
    company: '客户',
    docKind: '证件',
    until: '有效期至',
    daysLeft: '剩余天数',
    'days.left': '还剩 {n} 天',
    'days.leftOne': '还剩 1 天',
    'days.today': '今天到期',
    'days.over': '已过期 {n} 天',
    'days.overOne': '已过期 1 天',
    noneExpiring: '没有即将到期的证件。',
    'report.proofPending': '换证证明待销售部审核',
    'report.proofApproved': '换证证明已同意，暂停供货顺延至 {until}',
    'report.proofRejected': '换证证明已驳回',
    openArchive: '查看“{name}”的档案',
  },
  en: {
    card: 'Documents and renewals',
    listView: 'Customer list',
    add: 'Add a qualification document (R-ARC-4)',
    addIntro: 'A document the customer has obtained goes on the archive with its scan; its expiry is watched like the others.',
    kind: 'Kind of document',
    number: 'Document number',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    reason: 'Why it is added',
    scan: 'Scan (PDF, JPEG or PNG)',
    scanOptional: 'Scan (optional; PDF, JPEG or PNG)',
    scanHint: 'The file is uploaded with the form.',
    chosen: 'Chosen: {name}',
    scanRequired: 'Choose the scan of the document',
    addButton: 'Add the document',
    added: 'The document is on the archive.',
    sending: 'Sending…',
    proof: 'Proof of a renewal under way (R-EVAL-1)',
    proofIntro: 'When a document cannot be renewed in time, file proof that the renewal is under way; once the sales department approves it, suspension waits until the expected date.',
    document: 'Document',
    description: 'What the proof shows',
    expectedBy: 'Renewal expected by',
    proofButton: 'File the proof',
    proofSent: 'The proof is filed; it waits for the sales department.',
    noDocument: 'The archive has no document to renew.',
    review: 'Review of a renewal proof (R-EVAL-1)',
    proofOf: '{doc} ({number}, valid until {until})',
    filed: '{by} filed on {at}: {description}; renewal expected by {expected}.',
    proofFile: 'Proof',
    comment: 'Comment',
    approve: 'Approve the postponement',
    reject: 'Reject',
    rejectConfirm: 'Once rejected, suspension is not postponed: business with the customer stops when the document expires. Reject this proof?',
    ownProof: 'You filed this proof; another colleague of the sales department reviews it.',
    waiting: 'Waiting for the sales department.',
    approved: 'Approved: suspension postponed until {until}.',
    rejected: 'Rejected.',
    lastApproved: 'The latest proof was approved by {by} on {at}; suspension postponed until {until}.',
    lastRejected: 'The latest proof was rejected by {by} on {at}: {comment}',
    expiring: 'Qualification documents expiring soon (R-ARC-4)',
    expiringIntro: 'Documents expiring within {days} days from today ({today}), and those already expired, of customers not disqualified.',
    within: 'Expiring within',
    'within.30': '30 days',
    'within.60': '60 days',
    'within.90': '90 days',
    company: 'Customer',
    docKind: 'Document',
    until: 'Valid until',
    daysLeft: 'Days left',
    'days.left': '{n} days left',
    'days.leftOne': '1 day left',
    'days.today': 'expires today',
    'days.over': 'expired {n} days ago',
    'days.overOne': 'expired yesterday',
    noneExpiring: 'No document expires soon.',
    'report.proofPending': 'renewal proof waiting for the sales department',
    'report.proofApproved': 'renewal proof approved: suspension postponed until {until}',
    'report.proofRejected': 'renewal proof rejected',
    openArchive: 'Open the archive of “{name}”',
  },
});

export type DocumentsT = ReturnType<typeof useDocumentsT>['t'];

/** R-EVAL-1: the latest proof of a renewal under way on a document, as GET /customers/{id} shows it. */
export interface RenewalProofView {
  proofId: string;
  status: 'pending' | 'approved' | 'rejected';
  description: string;
  expectedBy: string;
  file?: { sha256: string; name: string; mediaType: string } | null;
  filedBy: string;
  filedAt: string;
  graceUntil?: string;
  comment?: string | null;
  decidedBy?: string;
  decidedAt?: string;
}

export const DOCUMENT_KINDS = ['business_licence', 'tax_registration', 'organisation_code', 'other'] as const;
/** A document's kind in words (onboarding's labels, 营业执照 …); one the console does not know is shown as 其他证件 rather than its code. */
export function useKindLabel(): (kind: string) => string {
  const { t: l } = useOnboardingLabels();
  return (kind) => l(`doc.${(DOCUMENT_KINDS as readonly string[]).includes(kind) ? kind : 'other'}` as 'doc.other');
}
