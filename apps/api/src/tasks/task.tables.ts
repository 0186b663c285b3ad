export const TASKS_PROJECTION = 'tasks';
export const TASKS_TABLE = 'tasks';
/** one row per (open task, role that may complete it): the list's index from a caller's roles */
export const TASK_ROLES_TABLE = 'task_roles';
/** one row per (open task, person the guards refuse): self-approval and segregation of duties */
export const TASK_EXCLUSIONS_TABLE = 'task_exclusions';
