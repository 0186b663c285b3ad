import { localMessages } from '../../../i18n/local-messages';

/** R-ARC-1 (ADR 0024): a rename (更名) or re-registration (统一社会信用代码变更), requested and decided on the archive. */
export const useIdentityT = localMessages({
  'zh-CN': {
    request: '申请更名或变更统一社会信用代码（R-ARC-1）',
    requestIntro: '客户更名或重新登记后档案保留不变；变更经销售部审批后生效，变更前后的信息都留在档案中。',
    name: '新的公司名称',
    nameHint: '不更名则留空。',
    creditCode: '新的统一社会信用代码',
    codeHint: '18 位，含校验码；不变更则留空。',
    reason: '变更原因',
    evidence: '证明材料（可选，如新营业执照，PDF、JPEG 或 PNG）',
    nothing: '请填写新的公司名称或新的统一社会信用代码',
    codeInvalid: '统一社会信用代码不正确：应为 18 位，末位为校验码（GB 32100-2015）',
    send: '提交变更申请',
    sending: '提交中…',
    sent: '变更申请已提交，等待销售部审批。',
    pendingTitle: '更名或统一社会信用代码变更待审批（R-ARC-1）',
    requested: '{by} 于 {at} 申请变更，原因：{reason}',
    what: '变更内容',
    before: '变更前',
    after: '变更后',
    'field.name': '公司名称',
    'field.creditCode': '统一社会信用代码',
    evidenceFile: '证明材料',
    comment: '审批意见',
    approve: '批准变更',
    reject: '驳回',
    rejectConfirm: '驳回后该变更申请即终止，档案中的名称和代码保持不变，申请人会收到通知。确定驳回吗？',
    ownRequest: '这项变更由您申请，须由销售部其他同事审批。',
    waiting: '等待销售部审批。',
    lastApproved: '最近一次变更已由 {by} 于 {at} 批准。',
    lastRejected: '最近一次变更申请已由 {by} 于 {at} 驳回，理由：{comment}',
    none: '—',
  },
  en: {
    request: 'Request a new company name or credit code (R-ARC-1)',
    requestIntro: 'A renamed or re-registered company keeps its archive; the change takes effect once the sales department approves it, and the archive keeps both before and after.',
    name: 'New company name',
    nameHint: 'Leave empty if the name stays.',
    creditCode: 'New unified social credit code',
    codeHint: '18 characters with the check character; leave empty if it stays.',
    reason: 'Reason for the change',
    evidence: 'Evidence (optional, e.g. the new business licence; PDF, JPEG or PNG)',
    nothing: 'Enter a new company name or a new credit code',
    codeInvalid: 'Not a valid unified social credit code: 18 characters, the last a check character (GB 32100-2015)',
    send: 'Request the change',
    sending: 'Sending…',
    sent: 'The change is requested; it waits for the sales department.',
    pendingTitle: 'Name or credit code change to approve (R-ARC-1)',
    requested: '{by} requested on {at}, reason: {reason}',
    what: 'What changes',
    before: 'Before',
    after: 'After',
    'field.name': 'Company name',
    'field.creditCode': 'Unified social credit code',
    evidenceFile: 'Evidence',
    comment: 'Comment',
    approve: 'Approve the change',
    reject: 'Reject',
    rejectConfirm: 'Once rejected, the request ends: the archive keeps its name and code, and the requester is told. Reject it?',
    ownRequest: 'You requested this change; another colleague of the sales department decides it.',
    waiting: 'Waiting for the sales department.',
    lastApproved: 'The latest change was approved by {by} on {at}.',
    lastRejected: 'The latest change request was rejected by {by} on {at}: {comment}',
    none: '—',
  },
});

/** R-ARC-1: the latest identity change as GET /customers/{id} shows it. */
export interface IdentityChangeView {
  requestId: string;
  status: 'pending' | 'approved' | 'rejected';
  changes: { name?: { before: string; after: string }; identifiers?: { before: Record<string, string>; after: Record<string, string> } };
  reason: string;
  file?: { sha256: string; name: string; mediaType: string } | null;
  requestedBy: string;
  requestedAt: string;
  comment?: string | null;
  decidedBy?: string;
  decidedAt?: string;
}
