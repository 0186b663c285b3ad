import { Attachments, Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { ScoredRatings } from './rating-scales';
import { Department, EntityId, Instant, LocalDate, text } from './relationship.shapes';
import { VisitReportForm } from './visit-report.form';

const Acted = { by: EntityId, role: Role, at: Instant };

/** R-VISIT-1: a visit either fulfils an item of an approved plan or is marked unplanned, with why. */
export const VisitBasis = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan'), planId: EntityId, itemId: EntityId }),
  z.strictObject({ kind: z.literal('unplanned'), reason: text(500) }),
]);
export type VisitBasis = z.infer<typeof VisitBasis>;

/** What the visit covered (第十一条: 产品相关信息、市场信息、服务质量、客户需求和期望). */
export const VisitContent = z.strictObject({
  marketInfo: text(4000).optional(),
  productInfo: text(4000).optional(),
  needs: text(4000).optional(),
});

/**
 * 走访客户报告单 (R-VISIT-1/2): the form's header and the customer's seal or signature (`form`;
 * null on reports of schema v1, filed before the header was kept: upcast), the customer's ratings
 * with their scale scores, other suggestions (其它建议), and the findings to feed back. With
 * findings, `notify` names the responsible leader and the departments, and the notification outbox
 * delivers to each (R-VISIT-3).
 */
export const VisitReportSubmitted = z.object({
  reportId: EntityId, customerId: EntityId, managerId: EntityId, visitedOn: LocalDate, basis: VisitBasis, form: VisitReportForm.nullable(),
  planMonth: z.number().int().min(1).max(12).nullable(), ratings: ScoredRatings, content: VisitContent,
  suggestions: text(4000).nullable(), findings: text(4000).nullable(), departments: z.array(Department).max(10),
  /** absent on reports filed before attachments were kept */
  attachments: Attachments.optional(),
  notify: z.array(z.string()).max(11).optional(), ...Acted,
});

/** R-VISIT-3: the responsible leader has taken the findings in hand. */
export const VisitFindingsAcknowledged = z.object({ note: text(2000).nullable(), ...Acted });

export const visitReportEventSchemas = { VisitReportSubmitted, VisitFindingsAcknowledged };
/** ADR 0025: v2 reports carry the form's header and signature; v1 ones are upcast to `form: null`. */
export const visitReportEventSchemaVersions = { VisitReportSubmitted: 2 } as const;

type Schemas = typeof visitReportEventSchemas;
export type VisitReportEventType = keyof Schemas;
export type VisitReportEvent = { [K in VisitReportEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[VisitReportEventType];
