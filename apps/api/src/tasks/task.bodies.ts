import { TaskRef } from '@crm/workflow-kit';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';

const Id = TaskRef;

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

export const OpenTasksQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  minPosition: MinPosition,
});
export type OpenTasksQuery = z.infer<typeof OpenTasksQuery>;

// the body lives in @crm/workflow-kit, where the console's reassignment screen reads it too
export { ReassignTaskBody } from '@crm/workflow-kit';
