import type { Role } from '@crm/workflow-kit';

/** Who sits on the committee or reads its agenda: the deciding roles (membership itself is the charter's), and auditors. */
export const DECIDERS: Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];
export const AGENDA_READERS: Role[] = [...DECIDERS, 'auditor'];
/** R-PRICE-2: anyone who works with customers may bring a violation (auditors only read; administrators keep the system). */
export const REPORTERS: Role[] = ['customer_manager', ...DECIDERS];
