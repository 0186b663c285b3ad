import type { ComplaintContext } from './complaint.context';
import { readingTextsOf, type ReadingText } from './complaint.readings';
import type { ComputedDeadline } from './complaint.shapes';

export interface DeadlineExplanation {
  complaintId: string;
  receivedAt: string;
  class: string;
  policyVersion: string;
  /** class working days + granted extensions, capped (R-CMP-3) */
  workingDays: number;
  extensionWorkingDays: number;
  warnAt: string;
  deadline: ComputedDeadline;
  breaches: Array<{ dueAt: string; at: string }>;
  /** ADR 0026: how the policy text is read (一个工作日内, 特殊情况 extensions), in Chinese and English */
  readings: ReadingText[];
}

/** "Why is it due when it is?" from the stored state alone (no calendar needed), or null before classification. */
export function explainComplaintDeadline(context: ComplaintContext): DeadlineExplanation | null {
  const { sla, complaintId, receivedAt, complaintClass, policy } = context;
  if (!sla || !complaintId || !receivedAt || !complaintClass || !policy) return null;
  return {
    complaintId, receivedAt, class: complaintClass, policyVersion: policy.version,
    workingDays: sla.workingDays, extensionWorkingDays: context.extensionWorkingDays,
    warnAt: sla.warnAt, deadline: sla.deadline, breaches: context.breaches, readings: readingTextsOf(policy.readings),
  };
}
