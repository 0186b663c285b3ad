import { and, assign, setup } from 'xstate';
import { receivedWithinWindow, isAtOrBefore } from './complaint.rules';
import { evolveConsultation, INITIAL_CONSULTATION_CONTEXT, type ConsultationContext } from './consultation.context';
import type { ConsultationEvent, ConsultationEventOf, ConsultationEventType } from './consultation.events';
import { consultationBreachUnrecorded } from './consultation.rules';

type GuardArgs = { context: ConsultationContext; event: ConsultationEvent };
const when =
  <T extends ConsultationEventType>(type: T, check: (context: ConsultationContext, data: ConsultationEventOf<T>['data']) => boolean) =>
  ({ context, event }: GuardArgs): boolean =>
    event.type === type && check(context, event.data as ConsultationEventOf<T>['data']);

/** Named guards: each reads as one clause of the policy. */
export const consultationGuards = {
  /** R-CMP-5: the department (the policy's handler roles) records and answers enquiries */
  actsAsHandler: ({ context, event }: GuardArgs) => {
    const roles = event.type === 'ConsultationRecorded' ? event.data.policy.handlerRoles : (context.policy?.handlerRoles ?? []);
    const role = 'role' in event.data ? event.data.role : null;
    return roles.some((r) => r === role);
  },
  /** R-CMP-5: received no later than logged, and not long before (as a complaint) */
  receivedBeforeLogged: when('ConsultationRecorded', (_c, d) => receivedWithinWindow(d.receivedAt, d.at)),
  /** R-CNS-1: the general complaint's deadline of the recorded policy, due after receipt */
  deadlineIsGeneralClock: when('ConsultationRecorded', (_c, d) => d.workingDays === d.policy.deadlines.general && isAtOrBefore(d.receivedAt, d.deadline.due)),
  reportsDeadlineTruthfully: when('ConsultationAnswered', (c, d) => c.deadline !== null && d.withinDeadline === isAtOrBefore(d.at, c.deadline.due)),
  /** R-CNS-1: a deadline that passed is breached on record before the answer stops the clock */
  breachOnRecord: ({ context, event }: GuardArgs) => !('at' in event.data) || !consultationBreachUnrecorded(context, event.data.at),
  /** the breach of the deadline in force, once, not before it passes */
  isDueBreach: when('ConsultationSlaBreached', (c, d) =>
    c.deadline !== null && d.dueAt === c.deadline.due && c.breachedFor !== d.dueAt && d.workingDays === c.workingDays && isAtOrBefore(d.dueAt, d.at)),
};

type Guard = keyof typeof consultationGuards;
const on = (guards: Guard[], target?: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  ...(target ? { target } : {}),
});

const consultation = setup({
  types: { context: {} as ConsultationContext, events: {} as ConsultationEvent },
  guards: consultationGuards,
  actions: { evolve: assign(({ context, event }) => evolveConsultation(context, event)) },
});

/**
 * A customer enquiry (客户咨询, 第四条(六)): recorded, then answered. While `recorded` the clock runs
 * on the general complaint's working-day deadline (R-CNS-1); the answer stops it; a breach stays on
 * record. These guards are the rules: the engine accepts an event only if `snapshot.can(event)`.
 */
export const consultationMachine = consultation.createMachine({
  id: 'consultation',
  initial: 'none',
  context: INITIAL_CONSULTATION_CONTEXT,
  states: {
    none: { on: { ConsultationRecorded: on(['actsAsHandler', 'receivedBeforeLogged', 'deadlineIsGeneralClock'], 'recorded') } },
    recorded: {
      on: {
        ConsultationAnswered: on(['actsAsHandler', 'reportsDeadlineTruthfully', 'breachOnRecord'], 'answered'),
        ConsultationSlaBreached: on(['isDueBreach']),
      },
    },
    answered: { type: 'final' },
  },
});
