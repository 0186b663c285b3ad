import { isExtendable } from './complaint-policy';
import type { ComplaintContext } from './complaint.context';
import type { ComplaintEvent, ComplaintEventOf, ComplaintEventType } from './complaint.events';
import {
  allowedWorkingDays, breachUnrecorded, everBreached, isAtOrBefore, MEETING_CHAIR_ROLE, nextChainLevel, nextRequestId, receivedWithinWindow,
} from './complaint.rules';

type GuardArgs = { context: ComplaintContext; event: ComplaintEvent };

/** A guard that only holds for events of type `T`. */
const when =
  <T extends ComplaintEventType>(type: T, check: (context: ComplaintContext, data: ComplaintEventOf<T>['data']) => boolean) =>
  ({ context, event }: GuardArgs): boolean =>
    event.type === type && check(context, event.data as ComplaintEventOf<T>['data']);

const roleOf = (event: ComplaintEvent): string | null => ('role' in event.data ? event.data.role : null);

const slaMatches = (context: ComplaintContext, data: { workingDays: number; deadline: { due: string }; warnAt: string }, complaintClass: 'general' | 'major' | 'serious') =>
  context.policy !== null &&
  context.receivedAt !== null &&
  data.workingDays === allowedWorkingDays(context.policy, complaintClass, context.extensionWorkingDays, context.legacyExtensionWorkingDays) &&
  isAtOrBefore(context.receivedAt, data.warnAt) &&
  isAtOrBefore(data.warnAt, data.deadline.due);

/** Named guards of the complaint machine: each reads as one clause of the policy. */
export const complaintGuards = {
  /** R-CMP-1: the department (policy.handlerRoles) records and handles complaints */
  actsAsHandler: ({ context, event }: GuardArgs) => {
    const roles = event.type === 'ComplaintRecorded' ? event.data.policy.handlerRoles : (context.policy?.handlerRoles ?? []);
    return roles.some((r) => r === roleOf(event));
  },
  /** R-CMP-1: a complaint cannot be received after it is logged, nor long before (MAX_BACKDATING_DAYS) */
  receivedBeforeLogged: when('ComplaintRecorded', (_c, d) => receivedWithinWindow(d.receivedAt, d.at)),
  /** R-CMP-3: class deadline counted from receipt, warning before due */
  deadlineMatchesPolicy: when('ComplaintClassified', (c, d) => slaMatches(c, d, d.class)),
  classifiesSerious: when('ComplaintClassified', (_c, d) => d.class === 'serious'),
  /** reclassification: a real change of class, before any resolution, recomputed from receipt */
  isGenuineReclassification: when(
    'ComplaintReclassified',
    (c, d) => d.from === c.complaintClass && d.to !== d.from && c.resolution === null && d.previousDue === c.sla?.deadline.due && slaMatches(c, d, d.to),
  ),
  reclassifiesToSerious: when('ComplaintReclassified', (_c, d) => d.to === 'serious'),
  reclassifiesFromSerious: when('ComplaintReclassified', (_c, d) => d.from === 'serious'),
  /** R-CMP-2: the special meeting is chaired by the general manager, and has taken place */
  isMeetingChair: when('SpecialMeetingHeld', (_c, d) => d.role === MEETING_CHAIR_ROLE && isAtOrBefore(d.heldAt, d.at)),
  isNextDraft: when('ResolutionDrafted', (c, d) => d.draftNo === c.draftCount + 1),
  /** R-CMP-2: a leader (policy.resolutionApproverRoles) decides on the draft */
  isLeader: ({ context, event }: GuardArgs) => (context.policy?.resolutionApproverRoles ?? []).some((r) => r === roleOf(event)),
  isCurrentDraft: ({ context, event }: GuardArgs) =>
    (event.type === 'ResolutionApproved' || event.type === 'ResolutionSentBack') && event.data.draftNo === context.draft?.draftNo,
  /** CMP-SELF: the drafter and the named handler do not approve their own resolution */
  isNotDrafter: when('ResolutionApproved', (c, d) => d.by !== c.draft?.by && d.by !== c.draft?.handler),
  reportsDeadlineTruthfully: when('CustomerNotified', (c, d) => c.sla !== null && d.withinDeadline === isAtOrBefore(d.at, c.sla.deadline.due)),
  /** R-CMP-1: closing records the resolution, its handler and notes, and whether it breached */
  recordIsComplete: when(
    'ComplaintClosed',
    (c, d) => c.resolution !== null && d.resolution === c.resolution.text && d.handler === c.resolution.handler && d.department === c.resolution.department && d.breached === everBreached(c),
  ),
  /** R-CMP-3: a deadline that passed is breached on record before the clock stops or moves */
  breachOnRecord: ({ context, event }: GuardArgs) => !('at' in event.data) || !breachUnrecorded(context, event.data.at),
  ...extensionGuards(),
  ...timerGuards(),
};

function extensionGuards() {
  return {
    noPendingExtension: ({ context }: GuardArgs) => context.pendingExtension === null,
    /**
     * R-CMP-3 (ADR 0026): an extension is asked for the complaint's class, major or serious only;
     * a request stored before the reading (class null, schema 1) replays as it was decided
     */
    extendsMajorOrSerious: when('ExtensionRequested', (c, d) => d.class === null || (d.class === c.complaintClass && isExtendable(c.complaintClass))),
    /** R-CMP-3 (ADR 0026): granted only while the complaint is still major or serious */
    grantsMajorOrSerious: when('ExtensionGranted', (c) => c.pendingExtension?.class === null || isExtendable(c.complaintClass)),
    isNextRequest: when('ExtensionRequested', (c, d) => d.requestId === nextRequestId(c)),
    /** R-CMP-3: never more than policy.maxWorkingDays (7) working days from receipt, extensions included */
    withinExtensionLimit: ({ context, event }: GuardArgs) => {
      const max = context.policy?.maxWorkingDays ?? 0;
      if (event.type === 'ExtensionRequested') return context.sla !== null && event.data.workingDays === context.sla.workingDays + event.data.additionalWorkingDays && event.data.workingDays <= max;
      // counted again at the grant: a reclassification may have moved the base since the request
      if (event.type === 'ExtensionGranted') return context.sla !== null && event.data.workingDays === context.sla.workingDays + event.data.additionalWorkingDays && event.data.workingDays <= max;
      return false;
    },
    /** R-CMP-3 "经各级主管领导批准": the next leader of the chain, nobody twice, not the requester */
    isNextApproverInChain: when('ExtensionApproved', (c, d) => {
      const pending = c.pendingExtension;
      const level = nextChainLevel(c);
      if (!pending || level === null || d.requestId !== pending.requestId || d.level !== level) return false;
      const people = [pending.requestedBy, ...pending.approvals.map((a) => a.by)];
      return d.role === c.policy?.extensionApproverRoles[level - 1] && !people.includes(d.by);
    }),
    chainIsComplete: when('ExtensionGranted', (c, d) => {
      const pending = c.pendingExtension;
      if (!pending || d.requestId !== pending.requestId || nextChainLevel(c) !== null) return false;
      return d.additionalWorkingDays === pending.additionalWorkingDays && d.previousDue === c.sla?.deadline.due && d.approvals.every((a, i) => a.by === pending.approvals[i]?.by) && d.approvals.length === pending.approvals.length && slaMatchesExtension(c, d);
    }),
    isExtensionApprover: when('ExtensionRejected', (c, d) =>
      c.pendingExtension?.requestId === d.requestId && (c.policy?.extensionApproverRoles ?? []).some((r) => r === d.role) && d.by !== c.pendingExtension.requestedBy),
  };
}

function slaMatchesExtension(c: ComplaintContext, d: ComplaintEventOf<'ExtensionGranted'>['data']): boolean {
  return c.receivedAt !== null && isAtOrBefore(c.receivedAt, d.warnAt) && isAtOrBefore(d.warnAt, d.deadline.due);
}

function timerGuards() {
  return {
    /** the warning for the deadline in force, once, not before its instant */
    isDueWarning: when('ComplaintSlaWarned', (c, d) =>
      c.sla !== null && d.warnAt === c.sla.warnAt && d.dueAt === c.sla.deadline.due && c.warnedFor !== d.dueAt && isAtOrBefore(d.warnAt, d.at)),
    /** the breach of the deadline in force, once, not before it passes */
    isDueBreach: when('ComplaintSlaBreached', (c, d) =>
      c.sla !== null && d.dueAt === c.sla.deadline.due && c.breachedFor !== d.dueAt && isAtOrBefore(d.dueAt, d.at)),
  };
}
