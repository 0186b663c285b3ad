import { ENGINE_EVENT_WORDING } from '@crm/engine';
import type { AnyWorkflow, Wording } from '@crm/workflow-kit';

/** Facts of the service's own streams (people, files, calendars, settings) a history may show. */
const PLATFORM_EVENT_WORDING: Readonly<Record<string, Wording>> = {
  FileUploaded: { zh: '上传文件', en: 'File uploaded' },
  CalendarYearPublished: { zh: '发布工作日历', en: 'Calendar year published' },
  DelegationGranted: { zh: '授权代办', en: 'Delegation granted' },
  DelegationRevoked: { zh: '撤销代办授权', en: 'Delegation revoked' },
  AuditRecordViewed: { zh: '审计查阅', en: 'Audit record viewed' },
  ComplaintPolicyPublished: { zh: '发布投诉处理方案', en: 'Complaint policy published' },
  PlantOfficeConfigured: { zh: '设置厂部收件人', en: 'Plant office configured' },
  PlantOfficeRemoved: { zh: '移除厂部收件人', en: 'Plant office removed' },
  UserRegistered: { zh: '新建用户', en: 'User registered' },
  UserRolesChanged: { zh: '变更用户角色', en: 'User roles changed' },
  UserPasswordChanged: { zh: '修改密码', en: 'Password changed' },
  UserDisabled: { zh: '停用用户', en: 'User disabled' },
  UserEnabled: { zh: '重新启用用户', en: 'User re-enabled' },
  UserPasswordReset: { zh: '管理员重置密码', en: 'Password reset by an administrator' },
  UserTokensRevoked: { zh: '注销全部登录', en: 'All sessions revoked' },
  UserTokenRevoked: { zh: '注销登录', en: 'Session revoked' },
  SignInFailed: { zh: '登录失败', en: 'Sign-in failed' },
  SignInThrottled: { zh: '登录受限', en: 'Sign-in throttled' },
};

const SYSTEM_ACTORS: Readonly<Record<string, Wording>> = {
  'system:scheduler': { zh: '系统（期限）', en: 'System (deadlines)' },
  'system:committee': { zh: '系统（委员会决议）', en: 'System (committee decision)' },
  'system:company-documents': { zh: '系统（企业证照同步）', en: 'System (company documents)' },
  'system:onboarding': { zh: '系统（准入建档）', en: 'System (onboarding)' },
  'system:seed': { zh: '系统（初始数据）', en: 'System (seed data)' },
  'system:sign-in': { zh: '系统（登录）', en: 'System (sign-in)' },
};

/** `ComplaintSlaBreached` → "Complaint sla breached": readable, never blank, for a fact without wording. */
const spelledOut = (type: string): Wording => {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const en = words.charAt(0).toUpperCase() + words.slice(1);
  return { zh: en, en };
};

/** What an event is called for people: its workflow's wording, else the engine's or the platform's. */
export function knownEventWording(type: string, workflow?: AnyWorkflow): Wording | undefined {
  const events = workflow?.vocabulary?.events as Readonly<Record<string, Wording>> | undefined;
  return events?.[type] ?? (ENGINE_EVENT_WORDING as Readonly<Record<string, Wording>>)[type] ?? PLATFORM_EVENT_WORDING[type];
}

/** Never blank: a fact without wording reads spelled out rather than not at all. */
export function eventWording(type: string, workflow?: AnyWorkflow): Wording {
  return knownEventWording(type, workflow) ?? spelledOut(type);
}

/** The state's name in its workflow; null for a stream no workflow owns or a state without wording. */
export function stateWording(workflow: AnyWorkflow | undefined, state: string | null): Wording | null {
  if (!workflow || state === null) return null;
  return workflow.vocabulary?.states[state] ?? null;
}

/** `system:scheduler` and the other service actors, by what they do. */
export function systemActorWording(actor: string): Wording | null {
  return SYSTEM_ACTORS[actor] ?? (actor.startsWith('system:') ? { zh: `系统（${actor.slice(7)}）`, en: `System (${actor.slice(7)})` } : null);
}
