import { localMessages } from '../../i18n/local-messages';

/** Delegations (委托授权) of the deciding roles (issue 15, issue 16's screens). */
const ZH = {
  subtitle: '外出期间，把审批角色委托给同岗位的同事：其间您在各流程中的待办，受托人可代您办理，并记下双方姓名。',
  loading: '正在读取委托…',
  list: '委托记录',
  none: '没有委托记录。',
  delegator: '委托人',
  delegate: '受托人',
  role: '委托角色',
  period: '期间',
  status: '状态',
  active: '有效',
  revokedBy: '已由 {name} 于 {at} 撤销',
  grantedBy: '登记人',
  create: '新建委托',
  createIntro: '受托人须持有同一审批角色；期间按北京时间的日期计算（含首尾两天），最长 90 天。',
  choose: '请选择',
  noCandidates: '没有持有相同审批角色的在职同事，无法委托。',
  from: '开始日期',
  until: '结束日期',
  untilRule: '结束日期不能早于开始日期，委托最长 90 天',
  dateRule: '请填写日期（YYYY-MM-DD）',
  created: '已委托 {name} 自 {from} 至 {until} 代为审批。',
  revoke: '撤销',
  revokeReason: '撤销原因（可选）',
  revokeConfirm: '确认撤销委托给 {name}（{from} 至 {until}）的授权？撤销后立即生效，已代为作出的决定仍然有效。',
  revokeButton: '确认撤销',
  revoked: '委托已撤销。',
  unknownPerson: '（未登记的用户）',
  sending: '提交中…',
  cancel: '取消',
};

const EN: Record<keyof typeof ZH, string> = {
  subtitle: 'While away, hand your deciding role to a colleague of the same role: they may act for you on your tasks in every workflow, and both names are recorded.',
  loading: 'Reading delegations…',
  list: 'Delegations',
  none: 'No delegations.',
  delegator: 'Delegated by',
  delegate: 'Delegated to',
  role: 'Role',
  period: 'Period',
  status: 'Status',
  active: 'In force',
  revokedBy: 'Revoked by {name} on {at}',
  grantedBy: 'Recorded by',
  create: 'New delegation',
  createIntro: 'The colleague must hold the same deciding role; the period is in Beijing dates, both days included, 90 days at most.',
  choose: 'Choose…',
  noCandidates: 'No active colleague holds the same deciding role: there is no one to delegate to.',
  from: 'From',
  until: 'Until',
  untilRule: 'The end cannot be before the start; a delegation lasts 90 days at most',
  dateRule: 'Enter a date (YYYY-MM-DD)',
  created: '{name} may act for you from {from} to {until}.',
  revoke: 'Revoke',
  revokeReason: 'Reason for revoking (optional)',
  revokeConfirm: 'Revoke the delegation to {name} ({from} to {until})? It ends now; decisions already taken under it stand.',
  revokeButton: 'Revoke',
  revoked: 'The delegation was revoked.',
  unknownPerson: '(unregistered user)',
  sending: 'Sending…',
  cancel: 'Cancel',
};

export const useDelegationsT = localMessages({ 'zh-CN': ZH, en: EN });

/** A row of GET /delegations. */
export interface DelegationRow {
  delegationId: string; delegatorId: string; delegateId: string; role: string; from: string; until: string;
  grantedBy: string; grantedAt: string; revokedBy: string | null; revokedAt: string | null; revocationReason: string | null;
}
export interface Colleague { username: string; name: string; roles: string[] }
