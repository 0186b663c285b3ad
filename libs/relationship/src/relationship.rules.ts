import { NotPermitted, type Actor, type Role } from '@crm/workflow-kit';

/** Rule ids cited by refusals and tests (domain.md, "Relationship maintenance"). */
export const RelationshipRule = {
  visitPlan: 'R-VISIT-1',
  ratingScale: 'R-VISIT-2',
  feedback: 'R-VISIT-3',
  survey: 'R-SURV-1',
  forum: 'R-FORUM-1',
  /** a plan is not approved by the manager who drafted it */
  selfApproval: 'VISIT-SELF',
  /** a forum's preparation plan is not approved by the one who submitted it (ADR 0025) */
  forumSelfApproval: 'FORUM-SELF',
} as const;

/** 客户经理应编制年度客户走访计划 (seed 第十一条): customer managers draft plans and visit. */
export const VISITOR_ROLES: readonly Role[] = ['customer_manager'];
/**
 * The plan is the sales department's work plan, so its head approves it: the sales department
 * reviewer (销售部), as a department head approves its specialists' development plans (第七条);
 * the general manager's approvals in the policy are onboarding and serious complaints only.
 */
export const PLAN_APPROVER_ROLES: readonly Role[] = ['sales_reviewer'];
/**
 * 主管领导: the responsible leader who hears visit findings (R-VISIT-3) and acknowledges them, and
 * who approves a forum's preparation plan (ADR 0025: the policy names no approver for it).
 */
export const LEADER_ROLES: readonly Role[] = ['supervisor', 'general_manager'];
/** 销售部应每年组织进行一次客户满意度调查 / 编制客户座谈会筹备计划: the sales department organises. */
export const ORGANISER_ROLES: readonly Role[] = ['sales_reviewer'];
/** Responses are collected by the department's people, managers included (phone, visits). */
export const SURVEY_COLLECTOR_ROLES: readonly Role[] = ['customer_manager', 'sales_reviewer'];
/** 提交公司领导审阅: the company's leadership is the general manager. */
export const LEADERSHIP_ROLES: readonly Role[] = ['general_manager'];
/** Forum minutes are kept by the sales department (销售部应做好客户座谈会记录). */
export const MINUTE_KEEPER_ROLES: readonly Role[] = ['sales_reviewer', 'customer_manager'];

/** The first of the actor's roles that `allowed` lists; refused with `ruleId` otherwise. */
export function actingRole(actor: Actor, allowed: readonly Role[], ruleId: string, what: string): Role {
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role) throw new NotPermitted(ruleId, `${what} needs one of the roles ${allowed.join(', ')}`);
  return role;
}

export const hasRole = (role: string | null | undefined, allowed: readonly Role[]): boolean => allowed.some((r) => r === role);
