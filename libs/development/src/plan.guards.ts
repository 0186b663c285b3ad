import { DEPARTMENT_HEAD_ROLE, isAtOrBefore, MEETING_CHAIR_ROLE, PLAN_DRAFTER_ROLES } from './development.rules';
import type { PlanContext } from './plan.context';
import { deadlineVerdict, entriesOfMonth, periodStart, sameList } from './plan.rules';
import { beijingDate } from './report-weeks';
import type { PlanEvent, PlanEventOf, PlanEventType } from './plan.events';

type GuardArgs = { context: PlanContext; event: PlanEvent };

const when =
  <T extends PlanEventType>(type: T, check: (context: PlanContext, data: PlanEventOf<T>['data']) => boolean) =>
  ({ context, event }: GuardArgs): boolean =>
    event.type === type && check(context, event.data as PlanEventOf<T>['data']);

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
  /** DEV-TIMER: the deadline in force, once, not before it passes; the achieved/not split is the context's */
  isDueDeadline: when('DevelopmentPlanDeadlinePassed', (c, d) =>
    c.content !== null && d.deadline === c.content.deadline && c.deadlinePassedFor !== d.deadline && isAtOrBefore(d.deadline, d.at) &&
    JSON.stringify({ achieved: d.achieved, notAchieved: d.notAchieved }) === JSON.stringify(deadlineVerdict(c))),
};
