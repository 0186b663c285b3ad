import type { DomainEvent } from '@crm/workflow-kit';
import { Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { ComplaintPolicy } from './complaint-policy';
import { ComplaintChannel, ComputedDeadline, EntityId, Instant, text } from './complaint.shapes';

const Acted = { by: EntityId, role: Role, at: Instant };

/**
 * 记录客户咨询 (R-CMP-5): time received, customer, channel, question, who logged it, and the copy of
 * the complaint policy in force; R-CNS-1: answer due `workingDays` (the policy's general-complaint
 * deadline) working days after receipt on the working-day calendar, computed once and stored.
 */
export const ConsultationRecorded = z.object({
  consultationId: EntityId, customerId: EntityId, receivedAt: Instant, channel: ComplaintChannel, question: text(4000),
  loggedBy: EntityId, policy: ComplaintPolicy, workingDays: z.number().int().min(1).max(30), deadline: ComputedDeadline, ...Acted,
});
export type ConsultationRecorded = z.infer<typeof ConsultationRecorded>;

/** R-CMP-5 处理客户咨询: the customer was answered; `withinDeadline` says whether R-CNS-1 was met. */
export const ConsultationAnswered = z.object({ channel: ComplaintChannel, answer: text(4000), withinDeadline: z.boolean(), ...Acted });
export type ConsultationAnswered = z.infer<typeof ConsultationAnswered>;

/** R-CNS-1: the deadline passed unanswered: on record for good, the supervisor alerted (like a complaint's breach). */
export const ConsultationSlaBreached = z.object({
  dueAt: Instant, workingDays: z.number().int().min(1).max(30), escalatedTo: z.literal('supervisor'), at: Instant, notify: z.array(Role).min(1).max(5),
});
export type ConsultationSlaBreached = z.infer<typeof ConsultationSlaBreached>;

export const consultationEventSchemas = { ConsultationRecorded, ConsultationAnswered, ConsultationSlaBreached };

type Schemas = typeof consultationEventSchemas;
export type ConsultationEventType = keyof Schemas;
export type ConsultationEvent = { [K in ConsultationEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[ConsultationEventType];
export type ConsultationEventOf<K extends ConsultationEventType> = Extract<ConsultationEvent, { type: K }>;
