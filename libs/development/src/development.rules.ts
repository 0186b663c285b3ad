import { NotPermitted, type Actor, type Role } from '@crm/workflow-kit';

/** Rule ids cited by refusals and tests (domain.md). */
export const DevelopmentRule = {
  prospects: 'R-DEV-1',
  plan: 'R-DEV-2',
  progress: 'R-DEV-3',
  /** nobody approves a plan they drafted, at any step */
  selfApproval: 'DEV-SELF',
  /** a company that is already a customer or has another open application is no prospect to convert */
  duplicate: 'DEV-DUPLICATE',
  /** only the scheduler fires the plan deadline, never before it falls due */
  timer: 'DEV-TIMER',
} as const;

/** R-DEV-1: customer managers keep the prospect archives of their region. */
export const PROSPECT_KEEPER_ROLES: readonly Role[] = ['customer_manager'];
/** R-DEV-1: the sales department may also convert or drop a prospect it picked for a plan. */
export const PROSPECT_CLOSER_ROLES: readonly Role[] = ['customer_manager', 'sales_reviewer'];
/** R-DEV-2: the development specialists of the sales department draft and report on plans. */
export const PLAN_DRAFTER_ROLES: readonly Role[] = ['sales_reviewer', 'customer_manager'];
/** R-DEV-2: the department head (企业发展部主任) approves first. */
export const DEPARTMENT_HEAD_ROLE: Role = 'supervisor';
/** R-DEV-2: the general manager records the managers' meeting (经理办公会) decision. */
export const MEETING_CHAIR_ROLE: Role = 'general_manager';
/** R-DEV-2 销售部…根据完成情况进行考核兑现: the sales department assesses each manager's completion. */
export const ASSESSOR_ROLE: Role = 'sales_reviewer';
/** R-DEV-3: 提交月度完成情况上报部门经理、总经理 — the monthly report goes to the department manager and the GM. */
export const MONTHLY_REPORT_RECIPIENTS: readonly Role[] = [DEPARTMENT_HEAD_ROLE, MEETING_CHAIR_ROLE];

export const isAtOrBefore = (a: string, b: string): boolean => Date.parse(a) <= Date.parse(b);

/** The first of the actor's roles that `allowed` lists; refused with `ruleId` otherwise. */
export function actingRole(actor: Actor, allowed: readonly Role[], ruleId: string, what: string): Role {
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role) throw new NotPermitted(ruleId, `${what} needs one of the roles ${allowed.join(', ')}`);
  return role;
}
