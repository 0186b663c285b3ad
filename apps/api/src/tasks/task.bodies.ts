import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';

const Id = z.string().min(1).max(200).regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only');

export const TaskListQuery = z.strictObject({
  type: z.string().min(1).max(100).regex(/^[a-z0-9.-]+$/, 'a task type such as onboarding.finance').optional(),
  customerId: Id.optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['due', 'opened', '-opened']).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  minPosition: MinPosition,
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskIdParam = Id;

export const ReassignTaskBody = z.strictObject({ to: Id, reason: z.string().min(1).max(2000).optional() });
export type ReassignTaskBody = z.infer<typeof ReassignTaskBody>;
