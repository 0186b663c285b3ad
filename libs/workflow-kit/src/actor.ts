import { z } from 'zod';

/** The roles of domain.md's "Who uses it" table. */
export const Role = z.enum([
  'customer_manager',
  'sales_reviewer',
  'finance_reviewer',
  'general_manager',
  'supervisor',
  'auditor',
  'administrator',
  /** 产品经销公司化工品销售部: the parent company's chemicals sales department (R-ARC-3, ADR 0024) */
  'parent_chemicals_sales',
]);
export type Role = z.infer<typeof Role>;

/** Who issues a command. Timers act as `system:scheduler` with the `system` flag. */
export const Actor = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(100).optional(),
  roles: z.array(Role),
  system: z.boolean().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const SCHEDULER_ACTOR: Actor = { id: 'system:scheduler', name: 'scheduler', roles: [], system: true };
