import { freeText, Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { DEFAULT_READINGS, PolicyReadings } from './complaint.readings';
import { ExtendableClass, WorkingDays } from './complaint.shapes';

/**
 * The complaint policy as data (R-CMP-2, R-CMP-3). A complaint copies the policy in force when
 * it is recorded and keeps it: a new version applies to new complaints only.
 * Serious complaints have no deadline of their own in the policy text; they take the major
 * deadline (较大事件, "in principle within three working days") while the special meeting sits.
 */
/**
 * What the policy text allows an administrator to publish (R-CMP-3: 一般投诉 1 个工作日内, 较大投诉
 * 原则上 3 个工作日内, 特殊情况经各级主管领导批准最多不超过 7 个工作日): shorter deadlines, never longer;
 * leaders approve (R-CMP-2 主管领导), the sales department handles.
 */
export const POLICY_TEXT_BOUNDS = { general: 1, major: 3, maxWorkingDays: 7 } as const;
const LEADER_ROLES = ['supervisor', 'general_manager'] as const;
const HANDLER_ROLES = ['customer_manager', 'sales_reviewer'] as const;
const atMost = (bound: number, what: string) => WorkingDays.refine((d) => d <= bound, `R-CMP-3: ${what} is at most ${bound} working days in the policy text`);
const rolesOf = (allowed: readonly Role[], what: string) =>
  z.array(Role).refine((roles) => roles.every((r) => allowed.includes(r)), `${what} may only be ${allowed.join(', ')}`);

/** R-CMP-1 / R-CMP-5: the department that records and handles complaints and enquiries. */
export const HandlerRoles = rolesOf(HANDLER_ROLES, 'R-CMP-1: complaint handlers').min(1);

export const ComplaintPolicy = z
  .object({
    version: freeText(50),
    /** R-CMP-3: working days from receipt, per class */
    deadlines: z.object({ general: atMost(POLICY_TEXT_BOUNDS.general, 'a general complaint'), major: atMost(POLICY_TEXT_BOUNDS.major, 'a major complaint') }),
    /** R-CMP-3: the cap, extensions included, from receipt */
    maxWorkingDays: atMost(POLICY_TEXT_BOUNDS.maxWorkingDays, 'the total, extensions included,'),
    /** share of the working time after which the handler and supervisor are warned */
    warningShare: z.number().gt(0).lt(1),
    /** who may record, classify, draft, notify, close and request extensions (the department) */
    handlerRoles: HandlerRoles,
    /** R-CMP-2: leaders who approve or send back a drafted resolution */
    resolutionApproverRoles: rolesOf(LEADER_ROLES, 'R-CMP-2: resolution approvers').min(1),
    /** R-CMP-3 "经各级主管领导批准": the chain of leaders, in order, that must approve an extension */
    extensionApproverRoles: rolesOf(LEADER_ROLES, 'R-CMP-3: extension approvers').min(1).max(5),
    /** ADR 0026: the readings of the text this version applies (absent on copies from before: the same readings) */
    readings: PolicyReadings.optional(),
  })
  .refine((p) => p.deadlines.general <= p.maxWorkingDays && p.deadlines.major <= p.maxWorkingDays, {
    message: 'R-CMP-3: a class deadline cannot exceed maxWorkingDays',
    path: ['maxWorkingDays'],
  });
export type ComplaintPolicy = z.infer<typeof ComplaintPolicy>;

/** The policy as written in the company's rules (R-CMP-3: 1 / 3 / at most 7 working days). */
export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = ComplaintPolicy.parse({
  version: '2026-1',
  deadlines: { general: 1, major: 3 },
  maxWorkingDays: 7,
  warningShare: 0.75,
  handlerRoles: ['customer_manager', 'sales_reviewer'],
  resolutionApproverRoles: ['supervisor', 'general_manager'],
  extensionApproverRoles: ['supervisor', 'general_manager'],
  readings: DEFAULT_READINGS,
});

/** R-CMP-3 (ADR 0026): only major and serious complaints may be extended; a general one is handled within its day. */
export const isExtendable = (complaintClass: 'general' | 'major' | 'serious' | null): complaintClass is ExtendableClass =>
  ExtendableClass.safeParse(complaintClass).success;

/** Working days a class is given by a policy before any extension. */
export function classWorkingDays(policy: ComplaintPolicy, complaintClass: 'general' | 'major' | 'serious'): number {
  return complaintClass === 'general' ? policy.deadlines.general : policy.deadlines.major;
}
