export const TASKS_PROJECTION = 'tasks';
export const TASKS_TABLE = 'tasks';
/** one row per (open task, role that may complete it), with what the list filters and sorts on: its covering index answers "my tasks" */
export const TASK_ROLES_TABLE = 'task_roles';
/** one row per (open task, person the guards refuse): self-approval and segregation of duties */
export const TASK_EXCLUSIONS_TABLE = 'task_exclusions';
