import { Attachments, type Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { RatingLabels } from './rating-scales';
import { Department, EntityId, LocalDate, text } from './relationship.shapes';
import { VisitBasis, VisitContent } from './visit-report.events';
import { VisitReportForm } from './visit-report.form';

/** R-VISIT-1/2: the form as filled in — header, ratings, signature; scores are derived from the labels, never entered. */
export const SubmitVisitReport = z.object({
  reportId: EntityId, customerId: EntityId, visitedOn: LocalDate, basis: VisitBasis, form: VisitReportForm, ratings: RatingLabels,
  content: VisitContent.default({}), suggestions: text(4000).optional(), findings: text(4000).optional(),
  departments: z.array(Department).max(10).default([]),
  /** the form's signed scan and photos of the visit, uploaded first (POST /files, ADR 0018) */
  attachments: Attachments.default([]),
});
export const AcknowledgeVisitFindings = z.object({ note: text(2000).optional() });

export const visitReportCommandSchemas = { SubmitVisitReport, AcknowledgeVisitFindings };

type Schemas = typeof visitReportCommandSchemas;
export type VisitReportCommandType = keyof Schemas;
export type VisitReportCommand = { [K in VisitReportCommandType]: Command<K, z.infer<Schemas[K]>> }[VisitReportCommandType];
