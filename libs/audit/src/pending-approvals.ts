import type { ComplaintContext } from '@crm/complaints';
import type { OnboardingContext } from '@crm/onboarding';
import { stateName } from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';
import type { ArchiveAsOf } from './customer-archive.fold';

export interface PendingApproval {
  kind: 'onboarding_review' | 'disqualification' | 'complaint_resolution' | 'complaint_extension' | 'special_meeting';
  streamId: string;
  /** the step, the level, or the draft awaiting a decision */
  awaiting: string;
  since: string | null;
}

export function onboardingPending(streamId: string, snapshot: AnyMachineSnapshot): PendingApproval[] {
  const c = snapshot.context as OnboardingContext;
  if (!stateName(snapshot.value).startsWith('review') || !c.pending) return [];
  return [{ kind: 'onboarding_review', streamId, awaiting: `${c.pending.step}${c.pending.assignee ? ` (${c.pending.assignee})` : ''}`, since: c.pending.since }];
}

export function archivePending(streamId: string, archive: ArchiveAsOf): PendingApproval[] {
  const p = archive.pendingDisqualification;
  return p ? [{ kind: 'disqualification', streamId, awaiting: 'general_manager', since: p.proposedAt }] : [];
}

export function complaintPending(streamId: string, snapshot: AnyMachineSnapshot): PendingApproval[] {
  const c = snapshot.context as ComplaintContext;
  const state = stateName(snapshot.value);
  const pending: PendingApproval[] = [];
  if (state === 'open.awaitingApproval' && c.draft) pending.push({ kind: 'complaint_resolution', streamId, awaiting: `draft ${c.draft.draftNo}`, since: null });
  if (state === 'open.awaitingMeeting') pending.push({ kind: 'special_meeting', streamId, awaiting: 'general_manager', since: null });
  if (c.pendingExtension) {
    const level = c.pendingExtension.approvals.length + 1;
    const role = c.policy?.extensionApproverRoles[level - 1] ?? `level ${level}`;
    pending.push({ kind: 'complaint_extension', streamId, awaiting: `${c.pendingExtension.requestId}: ${role}`, since: null });
  }
  return pending;
}
