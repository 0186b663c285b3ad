import { AnswerConsultation, EntityId, RecordConsultation } from '@crm/complaints';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';

/** Request bodies: the domain's command schemas, strict so that unknown fields are refused. */
export const RecordConsultationBody = z.strictObject({ ...RecordConsultation.shape, consultationId: EntityId.optional() });
export type RecordConsultationBody = z.infer<typeof RecordConsultationBody>;
export const AnswerConsultationBody = z.strictObject(AnswerConsultation.shape);

export const ConsultationIdParam = EntityId;

export const ConsultationStatus = z.enum(['recorded', 'answered']);
export const ConsultationsQuery = z.strictObject({
  status: ConsultationStatus.optional(),
  customer: EntityId.optional(),
  breached: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  minPosition: MinPosition,
});
export type ConsultationsQuery = z.infer<typeof ConsultationsQuery>;
