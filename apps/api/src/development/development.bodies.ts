import {
  ApproveAsDepartmentHead, AssessCustomerManager, DraftDevelopmentPlan, DropProspect, EntityId, IsoDate, IsoMonth, MarkProspectConverted, RecordDevelopmentProgress,
  RecordManagersMeetingApproval, RegisterProspect, RejectDevelopmentPlan, ReturnDevelopmentPlan, ReviseDevelopmentPlan, SubmitMonthlyDevelopmentReport, UpdateProspect,
} from '@crm/development';
import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';

/** Request bodies: the domain's command schemas, strict so that unknown fields are refused. */
const strict = <T extends z.ZodObject>(schema: T) => z.strictObject(schema.shape);

export const RegisterProspectBody = z.strictObject({ ...RegisterProspect.shape, prospectId: EntityId.optional() });
export type RegisterProspectBody = z.infer<typeof RegisterProspectBody>;
export const UpdateProspectBody = strict(UpdateProspect);
export const ConvertProspectBody = strict(MarkProspectConverted);
export const DropProspectBody = strict(DropProspect);

export const DraftPlanBody = z.strictObject({ ...DraftDevelopmentPlan.shape, planId: EntityId.optional() });
export type DraftPlanBody = z.infer<typeof DraftPlanBody>;
export const RevisePlanBody = strict(ReviseDevelopmentPlan);
export const SubmitPlanBody = z.strictObject({});
export const DepartmentHeadApprovalBody = strict(ApproveAsDepartmentHead);
export const MeetingApprovalBody = strict(RecordManagersMeetingApproval);
export const ReturnPlanBody = strict(ReturnDevelopmentPlan);
export const RejectPlanBody = strict(RejectDevelopmentPlan);
export const ProgressBody = z.strictObject({ ...RecordDevelopmentProgress.shape, entryId: EntityId.optional() });
export type ProgressBody = z.infer<typeof ProgressBody>;

export const MonthlyReportBody = strict(SubmitMonthlyDevelopmentReport);
export const AssessmentBody = strict(AssessCustomerManager);

export const DevIdParam = EntityId;

export const ProspectsQuery = z.strictObject({
  status: z.enum(['active', 'converted', 'dropped']).optional(),
  region: freeText(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  minPosition: MinPosition,
});
export type ProspectsQuery = z.infer<typeof ProspectsQuery>;

export const PlansQuery = z.strictObject({
  status: z.enum(['draft', 'review.departmentHead', 'review.managersMeeting', 'approved', 'rejected', 'concluded', 'assessment', 'assessed']).optional(),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter as YYYY-Q1..Q4').optional(),
  minPosition: MinPosition,
});
export type PlansQuery = z.infer<typeof PlansQuery>;

export const WeeklyQuery = z.strictObject({
  weekStarting: IsoDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'R-DEV-3: a week is named by its Monday'),
  minPosition: MinPosition,
});
export const MonthlyQuery = z.strictObject({ month: IsoMonth, minPosition: MinPosition });
/** R-DEV-3: the date the missing weekly summaries are counted as of (a Beijing date). */
export const MissingWeeklyQuery = z.strictObject({ asOf: IsoDate, minPosition: MinPosition });
