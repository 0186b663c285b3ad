/**
 * The Chinese a meeting reads for the codes reports carry (the rules' own words where domain.md has
 * them). A code without a label is shown as it is: a new value is never hidden.
 */
const LABELS: Readonly<Record<string, string>> = {
  // customer class 销售对象, product line, status
  direct: '直销客户', exclusive_agent: '独家代理', distributor: '经销商',
  polyolefin: '聚烯烃', other_chemicals: '其他化工',
  active: '正常', suspended: '暂停', disqualified: '取消资格',
  // documents
  valid: '有效', expired: '已过期', warned: '已预警',
  // complaints
  general: '一般', major: '重大', serious: '严重', unassigned: '未分配',
  // allocations
  draft: '草稿', proposed: '待审批', approved: '已批准', returned: '已退回',
  // surveys
  phone: '电话', mail: '信函', fax: '传真', face_to_face: '面谈',
  // statement movements
  receipt: '收款', pickup: '提货', correction: '更正', void: '作废',
};

export const zh = (code: unknown): string => (code === null || code === undefined ? '' : (LABELS[String(code)] ?? String(code)));
