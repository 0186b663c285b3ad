export interface ForumContext {
  forumId: string | null;
  title: string | null;
  /** the date the current plan names */
  plannedOn: string | null;
  /** the plan in force or under review; 0 before the first */
  planNo: number;
  /** who submitted the current plan: never its approver (FORUM-SELF) */
  submittedBy: string | null;
  /** the day in Beijing the current plan was approved; the forum is held on or after it */
  approvedOn: string | null;
}

export const INITIAL_FORUM_CONTEXT: ForumContext = { forumId: null, title: null, plannedOn: null, planNo: 0, submittedBy: null, approvedOn: null };
