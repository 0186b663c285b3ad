export interface VisitReportContext {
  reportId: string | null;
  customerId: string | null;
  managerId: string | null;
  hasFindings: boolean;
  acknowledgedBy: string | null;
}

export const INITIAL_VISIT_REPORT_CONTEXT: VisitReportContext = { reportId: null, customerId: null, managerId: null, hasFindings: false, acknowledgedBy: null };

/** The plan item a report names, as the caller read it from the plan's stream. */
export interface PlanItemView {
  planId: string;
  itemId: string;
  year: number;
  month: number;
  customerId: string;
  managerId: string;
  approved: boolean;
}

/** Facts read before SubmitVisitReport is decided (deciders are synchronous). */
export interface VisitReportServices {
  planItem(planId: string, itemId: string): PlanItemView | null;
}
