import type { Role } from '@crm/workflow-kit';
import type { ComplaintPolicy } from './complaint-policy';
import type { ComplaintChannel, ComplaintClass, ComputedDeadline } from './complaint.shapes';

/** The deadline in force: due and warning instants stored by events, so timers need no calendar. */
export interface ActiveSla {
  workingDays: number;
  deadline: ComputedDeadline;
  warnAt: string;
}

export interface Approval {
  by: string;
  role: Role;
  at: string;
}

export interface PendingExtension {
  requestId: string;
  additionalWorkingDays: number;
  /** total from receipt if granted */
  workingDays: number;
  requestedBy: string;
  approvals: Approval[];
  /** the class it was asked for (ADR 0026); null for a request stored before, under the earlier reading */
  class: ComplaintClass | null;
}

export interface Resolution {
  text: string;
  department: string;
  handler: string;
  /** the leader who approved it, or the general manager who chaired the special meeting */
  decidedBy: string;
  via: 'leader_approval' | 'special_meeting';
}

export interface ComplaintContext {
  complaintId: string | null;
  customerId: string | null;
  receivedAt: string | null;
  channel: ComplaintChannel | null;
  content: string | null;
  loggedBy: string | null;
  /** the copy recorded with the complaint; later policy versions never apply to it */
  policy: ComplaintPolicy | null;
  complaintClass: ComplaintClass | null;
  /** working days granted by extensions so far (R-CMP-3 counts them in the 7-day cap) */
  extensionWorkingDays: number;
  /**
   * the part of extensionWorkingDays granted on requests from before ADR 0026 (class null): under
   * the earlier reading they also counted for a general complaint; later ones never do
   */
  legacyExtensionWorkingDays: number;
  sla: ActiveSla | null;
  draft: { draftNo: number; department: string; text: string; handler: string; by: string } | null;
  draftCount: number;
  resolution: Resolution | null;
  extensionRequestCount: number;
  pendingExtension: PendingExtension | null;
  /** the due instant a warning was sent for / a breach was recorded for */
  warnedFor: string | null;
  breachedFor: string | null;
  /** every breach stays on record, even after an extension moves the deadline */
  breaches: Array<{ dueAt: string; at: string }>;
  notifiedAt: string | null;
  closedAt: string | null;
}

export const INITIAL_COMPLAINT_CONTEXT: ComplaintContext = {
  complaintId: null,
  customerId: null,
  receivedAt: null,
  channel: null,
  content: null,
  loggedBy: null,
  policy: null,
  complaintClass: null,
  extensionWorkingDays: 0,
  legacyExtensionWorkingDays: 0,
  sla: null,
  draft: null,
  draftCount: 0,
  resolution: null,
  extensionRequestCount: 0,
  pendingExtension: null,
  warnedFor: null,
  breachedFor: null,
  breaches: [],
  notifiedAt: null,
  closedAt: null,
};
