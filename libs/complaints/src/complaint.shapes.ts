import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';

/** Building blocks shared by the complaint commands and events. */
export const EntityId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9:_.-]+$/, 'letters, digits and : _ . - only');
export type EntityId = z.infer<typeof EntityId>;

/** ISO 8601 instant with a zone (`Z` or an offset such as `+08:00`, as the calendar writes them). */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** Free text (names, remarks, reasons …): no control, bidi-override or zero-width characters. */
export const text = freeText;

/** How the complaint reached the company. */
export const ComplaintChannel = z.enum(['phone', 'email', 'visit', 'letter', 'other']);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/**
 * R-CMP-2/R-CMP-3: general (一般投诉, 1 working day), major (较大事件投诉, 3 working days),
 * serious (情节严重: escalated to a special meeting chaired by the general manager).
 */
export const ComplaintClass = z.enum(['general', 'major', 'serious']);
export type ComplaintClass = z.infer<typeof ComplaintClass>;

/**
 * R-CMP-3 (ADR 0026): the classes leaders may extend. "较大事件投诉，原则上…不应超过三个工作日，特殊情况经各级
 * 主管领导批准后最多…不超过七个工作日" is one clause after the semicolon that closes the general one: the
 * special case qualifies the major complaint's "in principle". Serious complaints take the major deadline.
 */
export const ExtendableClass = z.enum(['major', 'serious']);
export type ExtendableClass = z.infer<typeof ExtendableClass>;

/** One calendar day of a deadline computation (same shape as @crm/calendar's ExplanationStep). */
export const ExplanationStep = z.object({
  date: z.iso.date(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']),
  counted: z.string().max(200),
  note: z.string().max(500),
});
export type ExplanationStep = z.infer<typeof ExplanationStep>;

/** A computed deadline with what is needed to defend it later (R-CMP-4). */
export const ComputedDeadline = z.object({
  due: Instant,
  calendarVersion: z.string().min(1).max(200),
  provisional: z.boolean(),
  explanation: z.array(ExplanationStep).max(400),
});
export type ComputedDeadline = z.infer<typeof ComputedDeadline>;

/** Working days allowed from receipt; fractions are not part of the policy. */
export const WorkingDays = z.number().int().min(1).max(30);
