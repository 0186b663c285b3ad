import type { Role } from '@crm/workflow-kit';
import { classWorkingDays, type ComplaintPolicy } from './complaint-policy';
import type { ComplaintContext } from './complaint.context';
import type { ComplaintClass } from './complaint.shapes';

/** Rule ids cited by refusals and tests (domain.md; CMP-… are workflow rules of issue 6). */
export const ComplaintRule = {
  record: 'R-CMP-1',
  handling: 'R-CMP-2',
  deadline: 'R-CMP-3',
  calendar: 'R-CMP-4',
  /** only the scheduler fires SLA timers, and never before they fall due */
  timer: 'CMP-TIMER',
  /** a leader does not approve a resolution they drafted or are named handler of */
  selfApproval: 'CMP-SELF',
} as const;

/** A warning goes to the supervisor and the handling department; a breach is escalated to the supervisor. */
export const SLA_WARNING_RECIPIENTS: readonly Role[] = ['supervisor', 'customer_manager'];
export const SLA_BREACH_RECIPIENTS: readonly Role[] = ['supervisor'];

/** R-CMP-2: the special meeting is chaired by the general manager. */
export const MEETING_CHAIR_ROLE: Role = 'general_manager';

export const instantMs = (iso: string): number => Date.parse(iso);
export const isAtOrBefore = (a: string, b: string): boolean => instantMs(a) <= instantMs(b);

/**
 * R-CMP-1 (客户投诉记录 when the complaint comes in): a complaint is logged at most this many calendar
 * days after it was received. A receipt in 1970 or year 0 would put its deadline outside any calendar
 * (it could never be classified, or it breaks every board that reads it) and escape the SLA.
 */
export const MAX_BACKDATING_DAYS = 30;
const DAY_MS = 86_400_000;

/** Received no later than it is logged, and not longer ago than MAX_BACKDATING_DAYS. */
export const receivedWithinWindow = (receivedAt: string, loggedAt: string): boolean =>
  isAtOrBefore(receivedAt, loggedAt) && instantMs(loggedAt) - instantMs(receivedAt) <= MAX_BACKDATING_DAYS * DAY_MS;

/**
 * R-CMP-3: the working days a complaint of `complaintClass` is given under its recorded policy,
 * granted extensions included, never above the cap (a reclassification can meet the cap). A
 * general complaint keeps none of the extensions granted while it was major (ADR 0026: 一般投诉
 * 一个工作日内), only those granted before that reading (`legacyExtensionWorkingDays`).
 */
export function allowedWorkingDays(policy: ComplaintPolicy, complaintClass: ComplaintClass, extensionWorkingDays: number, legacyExtensionWorkingDays: number): number {
  const extensions = complaintClass === 'general' ? legacyExtensionWorkingDays : extensionWorkingDays;
  return Math.min(classWorkingDays(policy, complaintClass) + extensions, policy.maxWorkingDays);
}

/** The extension chain level the next approval fills (1-based), or null when complete. */
export function nextChainLevel(context: ComplaintContext): number | null {
  const chain = context.policy?.extensionApproverRoles ?? [];
  const done = context.pendingExtension?.approvals.length ?? 0;
  return done < chain.length ? done + 1 : null;
}

export const nextRequestId = (context: ComplaintContext): string => `ext-${context.extensionRequestCount + 1}`;

/** Was it breached at any time? (the breach stays on record after an extension) */
export const everBreached = (context: ComplaintContext): boolean => context.breaches.length > 0;

/**
 * R-CMP-3: the deadline in force passed before `at` and no breach of it is on record. The timer
 * records it when it fires, but a timer runs late (service down, a complaint classified after its
 * deadline): whatever stops or moves the clock first must not erase the breach.
 */
export const breachUnrecorded = (context: ComplaintContext, at: string): boolean =>
  context.sla !== null && !isAtOrBefore(at, context.sla.deadline.due) && context.breachedFor !== context.sla.deadline.due;
