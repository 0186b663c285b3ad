import { and, assign, setup } from 'xstate';
import { scoresFollowScale } from './rating-scales';
import { hasRole, LEADER_ROLES, VISITOR_ROLES } from './relationship.rules';
import { INITIAL_VISIT_REPORT_CONTEXT, type VisitReportContext } from './visit-report.context';
import type { VisitReportEvent } from './visit-report.events';
import { formGap } from './visit-report.form';
import { beijingDateOf } from './relationship.shapes';

type GuardArgs = { context: VisitReportContext; event: VisitReportEvent };

const visitReportGuards = {
  isVisitor: ({ event }: GuardArgs) => hasRole(event.data.role, VISITOR_ROLES),
  /** R-VISIT-2: every score is the one its label carries on the form's scale */
  scoresFollowScale: ({ event }: GuardArgs) => event.type === 'VisitReportSubmitted' && scoresFollowScale(event.data.ratings),
  /** R-VISIT-2: the form's header is filled in and the customer sealed or signed it (v1 reports, upcast, have no form) */
  formComplete: ({ event }: GuardArgs) =>
    event.type === 'VisitReportSubmitted' && (event.data.form === null || formGap(event.data.form, event.data.visitedOn, beijingDateOf(event.data.at)) === null),
  /** R-VISIT-3: findings go to the responsible leader (supervisor) and the named departments */
  feedsFindingsBack: ({ event }: GuardArgs) =>
    event.type === 'VisitReportSubmitted' &&
    event.data.findings !== null &&
    event.data.notify !== undefined &&
    event.data.notify.includes('supervisor') &&
    event.data.departments.every((d) => event.data.notify?.includes(d)),
  hasNoFindings: ({ event }: GuardArgs) => event.type === 'VisitReportSubmitted' && event.data.findings === null,
  /** R-VISIT-3: the responsible leader acknowledges */
  isLeader: ({ event }: GuardArgs) => hasRole(event.data.role, LEADER_ROLES),
};

const on = (guards: Array<keyof typeof visitReportGuards>, target: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  target,
});

function evolve(event: VisitReportEvent): Partial<VisitReportContext> {
  if (event.type === 'VisitReportSubmitted') {
    const { reportId, customerId, managerId, findings } = event.data;
    return { reportId, customerId, managerId, hasFindings: findings !== null };
  }
  return { acknowledgedBy: event.data.by };
}

/**
 * 走访客户报告单: filed at once when the visit found nothing to feed back; otherwise it waits for
 * the responsible leader to acknowledge the findings (R-VISIT-3).
 */
export const visitReportMachine = setup({
  types: { context: {} as VisitReportContext, events: {} as VisitReportEvent },
  guards: visitReportGuards,
  actions: { evolve: assign(({ event }) => evolve(event)) },
}).createMachine({
  id: 'visitReport',
  initial: 'none',
  context: INITIAL_VISIT_REPORT_CONTEXT,
  states: {
    none: {
      on: {
        VisitReportSubmitted: [
          on(['isVisitor', 'scoresFollowScale', 'formComplete', 'feedsFindingsBack'], 'awaitingAcknowledgement'),
          on(['isVisitor', 'scoresFollowScale', 'formComplete', 'hasNoFindings'], 'filed'),
        ],
      },
    },
    awaitingAcknowledgement: { on: { VisitFindingsAcknowledged: on(['isLeader'], 'acknowledged') } },
    acknowledged: { type: 'final' },
    filed: { type: 'final' },
  },
});
