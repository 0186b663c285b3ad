import { z } from 'zod';

/** A task id or user id as the tasks endpoints take them. */
export const TaskRef = z.string().min(1).max(200).regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ - only');

/**
 * An administrator hands an open task to someone else (TASK-REASSIGN), as the API checks it: here
 * so the console's reassignment screen checks the same rules in the browser (issue 16).
 */
export const ReassignTaskBody = z.strictObject({ to: TaskRef, reason: z.string().min(1).max(2000).optional() });
export type ReassignTaskBody = z.infer<typeof ReassignTaskBody>;
