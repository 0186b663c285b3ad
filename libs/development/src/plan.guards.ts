import { ASSESSOR_ROLE, DEPARTMENT_HEAD_ROLE, isAtOrBefore, MEETING_CHAIR_ROLE, PLAN_DRAFTER_ROLES } from './development.rules';
import { completionByManager, managersYetToAssess, quarterEnd } from './plan.completion';
import type { PlanContext } from './plan.context';
import { deadlineVerdict, entriesOfMonth, periodStart, sameList } from './plan.rules';
import { beijingDate } from './report-weeks';
import type { PlanEvent, PlanEventOf, PlanEventType } from './plan.events';
import type { ManagerCompletion } from './plan.shapes';

type GuardArgs = { context: PlanContext; event: PlanEvent };

const when =
  <T extends PlanEventType>(type: T, check: (context: PlanContext, data: PlanEventOf<T>['data']) => boolean) =>
  ({ context, event }: GuardArgs): boolean =>
    event.type === type && check(context, event.data as PlanEventOf<T>['data']);

const sameCompletion = (a: ManagerCompletion, b: ManagerCompletion | undefined): boolean =>
  b !== undefined && a.customerManagerId === b.customerManagerId &&
  (['targetIds', 'achieved', 'converted', 'completed'] as const).every((k) => sameList(a[k], b[k]));

const roleOf = (event: PlanEvent): string | null => ('role' in event.data ? event.data.role : null);
const byOf = (event: PlanEvent): string | null => ('by' in event.data ? event.data.by : null);

/** Named guards of the development-plan machine: each reads as one clause of R-DEV-2/3. */
export const planGuards = {
  /** R-DEV-2: the sales department's development specialists draft, revise, submit and report */
  actsAsDrafter: ({ event }: GuardArgs) => PLAN_DRAFTER_ROLES.some((r) => r === roleOf(event)),
  /** R-DEV-2: a plan's deadline lies ahead of its drafting */
  deadlineAhead: ({ event }: GuardArgs) =>
    (event.type === 'DevelopmentPlanDrafted' || event.type === 'DevelopmentPlanRevised') && !isAtOrBefore(event.data.deadline, event.data.at),
  /** R-DEV-2: the department head (企业发展部主任) decides first */
  isDepartmentHead: ({ event }: GuardArgs) => roleOf(event) === DEPARTMENT_HEAD_ROLE,
  /** R-DEV-2: the general manager records the managers' meeting, after it was held */
  isMeetingChair: ({ event }: GuardArgs) => roleOf(event) === MEETING_CHAIR_ROLE,
  meetingHeld: when('DevelopmentPlanApprovedByManagersMeeting', (_c, d) => isAtOrBefore(d.heldAt, d.at)),
  /** DEV-SELF: nobody who drafted or revised the plan approves it, at any step */
  isNotAuthor: ({ context, event }: GuardArgs) => byOf(event) !== null && !context.authors.includes(byOf(event) as string),
  atDepartmentHeadStage: ({ event }: GuardArgs) =>
    (event.type === 'DevelopmentPlanReturned' || event.type === 'DevelopmentPlanRejected') && event.data.stage === 'departmentHead',
  atMeetingStage: ({ event }: GuardArgs) =>
    (event.type === 'DevelopmentPlanReturned' || event.type === 'DevelopmentPlanRejected') && event.data.stage === 'managersMeeting',
  /** R-DEV-3: progress against a target of this plan, each entry once, not for a period still ahead */
  isPlanTarget: when('DevelopmentProgressRecorded', (c, d) => c.content?.targets.some((t) => t.targetId === d.targetId && t.prospectId === d.prospectId) ?? false),
  isNewEntry: when('DevelopmentProgressRecorded', (c, d) => !c.entryIds.includes(d.entryId)),
  periodStarted: when('DevelopmentProgressRecorded', (_c, d) => periodStart(d.period) <= beijingDate(d.at)),
  /** R-DEV-3: one report per month, once the month has begun, covering the month's entries and the completion so far */
  isNewMonthlyReport: when('DevelopmentMonthlyReportSubmitted', (c, d) => !c.monthlyReports.includes(d.month) && periodStart({ kind: 'monthly', month: d.month }) <= beijingDate(d.at)),
  reportsWhatIsRecorded: when('DevelopmentMonthlyReportSubmitted', (c, d) => {
    const verdict = deadlineVerdict(c);
    return sameList(d.entryIds, entriesOfMonth(c, d.month)) && sameList(d.achieved, verdict.achieved) && sameList(d.notAchieved, verdict.notAchieved);
  }),
  /** R-DEV-2: a conversion counts once per target, for targets on the converted prospect */
  convertsOwnTargets: when('DevelopmentTargetConverted', (c, d) =>
    d.targetIds.every((id) => c.content?.targets.some((t) => t.targetId === id && t.prospectId === d.prospectId) && !c.conversions.some((x) => x.targetId === id))),
  /** R-DEV-2 + DEV-TIMER: once, at the end of the plan's own quarter, with the completion the plan recorded */
  opensDueAssessment: when('DevelopmentAssessmentOpened', (c, d) => {
    const expected = completionByManager(c);
    return c.assessment === null && c.content !== null && d.quarter === c.content.quarter && d.quarterEnd === quarterEnd(d.quarter) &&
      isAtOrBefore(d.quarterEnd, d.at) && d.managers.length === expected.length && d.managers.every((m, i) => sameCompletion(m, expected[i]));
  }),
  /** R-DEV-2 销售部…考核兑现: the sales department assesses */
  isAssessor: ({ event }: GuardArgs) => roleOf(event) === ASSESSOR_ROLE,
  /** R-DEV-2: each manager once, never by themselves, on the completion recorded when the assessment opened */
  assessesAnother: when('CustomerManagerAssessed', (c, d) =>
    d.by !== d.customerManagerId && managersYetToAssess(c).includes(d.customerManagerId) &&
    sameCompletion(d.completion, c.assessment?.managers.find((m) => m.customerManagerId === d.customerManagerId))),
  /** R-DEV-2: the assessment completes once nobody is left, with the results on record */
  everyoneAssessed: when('DevelopmentAssessmentCompleted', (c, d) =>
    c.assessment !== null && managersYetToAssess(c).length === 0 && d.results.length === c.assessed.length &&
    d.results.every((r, i) => r.customerManagerId === c.assessed[i].customerManagerId && r.result === c.assessed[i].result)),
  /** DEV-TIMER: the deadline in force, once, not before it passes; the achieved/not split is the context's */
  isDueDeadline: when('DevelopmentPlanDeadlinePassed', (c, d) =>
    c.content !== null && d.deadline === c.content.deadline && c.deadlinePassedFor !== d.deadline && isAtOrBefore(d.deadline, d.at) &&
    JSON.stringify({ achieved: d.achieved, notAchieved: d.notAchieved }) === JSON.stringify(deadlineVerdict(c))),
};
