import { and, assign, setup } from 'xstate';
import { INITIAL_COMPLAINT_CONTEXT, type ComplaintContext } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';
import { evolveComplaint } from './complaint.evolve';
import { complaintGuards } from './complaint.guards';

type Guard = keyof typeof complaintGuards;
/** An event accepted when all its guards hold; context always changes through `evolve`. */
const on = (guards: Guard[], target?: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  ...(target ? { target } : {}),
});

const complaint = setup({
  types: { context: {} as ComplaintContext, events: {} as ComplaintEvent },
  guards: complaintGuards,
  actions: { evolve: assign(({ context, event }) => evolveComplaint(context, event)) },
});

/**
 * A customer complaint (客户投诉) from its record to its close (R-CMP-1..4). While `open` the SLA
 * clock runs: extensions, warnings and breaches happen there; telling the customer stops it.
 * General and major complaints are drafted and approved by a leader; serious ones go to a special
 * meeting chaired by the general manager (R-CMP-2). The engine replays the stream through this
 * machine and accepts a new event only if `snapshot.can(event)`: these guards are the rules.
 */
export const complaintMachine = complaint.createMachine({
  id: 'complaint',
  initial: 'none',
  context: INITIAL_COMPLAINT_CONTEXT,
  states: {
    none: { on: { ComplaintRecorded: on(['actsAsHandler', 'receivedBeforeLogged'], 'received') } },
    received: {
      on: {
        ComplaintClassified: [
          on(['actsAsHandler', 'deadlineMatchesPolicy', 'classifiesSerious'], '#complaint.open.escalating'),
          on(['actsAsHandler', 'deadlineMatchesPolicy'], '#complaint.open.drafting'),
        ],
      },
    },
    open: {
      on: {
        ComplaintReclassified: [
          on(['actsAsHandler', 'isGenuineReclassification', 'breachOnRecord', 'reclassifiesToSerious'], '.escalating'),
          on(['actsAsHandler', 'isGenuineReclassification', 'breachOnRecord', 'reclassifiesFromSerious'], '.drafting'),
          on(['actsAsHandler', 'isGenuineReclassification', 'breachOnRecord']),
        ],
        ExtensionRequested: on(['actsAsHandler', 'noPendingExtension', 'isNextRequest', 'extendsMajorOrSerious', 'withinExtensionLimit']),
        ExtensionApproved: on(['isNextApproverInChain']),
        ExtensionGranted: on(['chainIsComplete', 'grantsMajorOrSerious', 'withinExtensionLimit', 'breachOnRecord']),
        ExtensionRejected: on(['isExtensionApprover']),
        ComplaintSlaWarned: on(['isDueWarning']),
        ComplaintSlaBreached: on(['isDueBreach']),
      },
      initial: 'drafting',
      states: {
        /** passed through only: a serious classification and its escalation are appended together */
        escalating: { on: { ComplaintEscalated: on(['actsAsHandler'], 'awaitingMeeting') } },
        awaitingMeeting: { on: { SpecialMeetingHeld: on(['isMeetingChair'], 'resolved') } },
        drafting: { on: { ResolutionDrafted: on(['actsAsHandler', 'isNextDraft'], 'awaitingApproval') } },
        awaitingApproval: {
          on: {
            ResolutionApproved: on(['isLeader', 'isCurrentDraft', 'isNotDrafter'], 'resolved'),
            ResolutionSentBack: on(['isLeader', 'isCurrentDraft'], 'drafting'),
          },
        },
        resolved: { on: { CustomerNotified: on(['actsAsHandler', 'reportsDeadlineTruthfully', 'breachOnRecord'], '#complaint.notified') } },
      },
    },
    notified: { on: { ComplaintClosed: on(['actsAsHandler', 'recordIsComplete'], 'closed') } },
    closed: { type: 'final' },
  },
});
