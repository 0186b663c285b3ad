import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { ComplaintChannel, EntityId, Instant, text } from './complaint.shapes';

/** R-CMP-5 记录客户咨询: `consultationId` is chosen by the caller (the stream is `consultation-<id>`). */
export const RecordConsultation = z.object({
  consultationId: EntityId, customerId: EntityId, receivedAt: Instant, channel: ComplaintChannel, question: text(4000),
});
export type RecordConsultation = z.infer<typeof RecordConsultation>;

/** R-CMP-5 处理客户咨询: the answer given to the customer, and how; this stops the clock (R-CNS-1). */
export const AnswerConsultation = z.object({ channel: ComplaintChannel, answer: text(4000) });
export type AnswerConsultation = z.infer<typeof AnswerConsultation>;

/** The breach timer's firing carries the instant it was scheduled for. */
export const MarkConsultationSlaBreached = z.object({ dueAt: Instant });
export type MarkConsultationSlaBreached = z.infer<typeof MarkConsultationSlaBreached>;

export const consultationCommandSchemas = { RecordConsultation, AnswerConsultation, MarkConsultationSlaBreached };

type Schemas = typeof consultationCommandSchemas;
export type ConsultationCommandType = keyof Schemas;
export type ConsultationCommand = { [K in ConsultationCommandType]: Command<K, z.infer<Schemas[K]>> }[ConsultationCommandType];
export type ConsultationCommandOf<K extends ConsultationCommandType> = Extract<ConsultationCommand, { type: K }>;
