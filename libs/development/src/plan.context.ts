import type { AssessmentResult, ManagerCompletion, PlanContent } from './plan.shapes';

export interface PlanContext {
  planId: string | null;
  content: PlanContent | null;
  /** everyone who drafted or revised it: none of them approves it (DEV-SELF) */
  authors: string[];
  departmentHeadApproval: { by: string; at: string } | null;
  meetingApproval: { by: string; at: string; heldAt: string } | null;
  entryIds: string[];
  /** each progress entry's month (a weekly summary's is its Monday's), for the monthly report */
  entries: Array<{ entryId: string; month: string }>;
  /** R-DEV-3: the months whose report was submitted */
  monthlyReports: string[];
  achievedTargets: string[];
  deadlinePassedFor: string | null;
  /** R-DEV-2: conversions of the targets' prospects, as the conversion process recorded them */
  conversions: Array<{ targetId: string; convertedAt: string }>;
  /** R-DEV-2: opened at quarter end with each manager's completion */
  assessment: { quarterEnd: string; managers: ManagerCompletion[] } | null;
  /** R-DEV-2 考核兑现: the record of each manager's assessment */
  assessed: Array<{ customerManagerId: string; result: AssessmentResult; comment: string; payoutYuan: number | null; by: string; at: string }>;
}

export const INITIAL_PLAN_CONTEXT: PlanContext = {
  planId: null,
  content: null,
  authors: [],
  departmentHeadApproval: null,
  meetingApproval: null,
  entryIds: [],
  entries: [],
  monthlyReports: [],
  achievedTargets: [],
  deadlinePassedFor: null,
  conversions: [],
  assessment: null,
  assessed: [],
};
