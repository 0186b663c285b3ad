import type { Role } from '@crm/workflow-kit';

export type FeatureId = 'inbox' | 'new-application' | 'customers' | 'complaints' | 'sla-board' | 'audit' | 'calendar' | 'development' | 'visits' | 'key-accounts'
  | 'users' | 'channels' | 'complaint-policy' | 'delegations' | 'reassignment'
  | 'allocations' | 'surveys' | 'forums' | 'consultations' | 'archive-filings' | 'visit-plans'
  | 'contracts' | 'catalogue' | 'committee' | 'customer-reviews' | 'notifications' | 'projections';

export interface Feature {
  id: FeatureId;
  /** who sees it on the home page and may open it; empty: every signed-in user */
  roles: readonly Role[];
}

/**
 * Every feature the console offers, in home-page order. A feature whose page file
 * (`src/features/<id>.page.tsx`) does not exist yet is shown as "coming soon"; adding that one
 * file makes it live. The API still checks every role: this list only decides what is shown.
 */
export const FEATURES: readonly Feature[] = [
  // 待办: every task of every workflow (issue 15), so every role that decides or owes a step
  { id: 'inbox', roles: ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'customer_manager', 'parent_chemicals_sales'] },
  { id: 'new-application', roles: ['customer_manager'] },
  { id: 'customers', roles: ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'] },
  { id: 'complaints', roles: ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager'] },
  { id: 'sla-board', roles: ['supervisor', 'general_manager'] },
  { id: 'audit', roles: ['auditor', 'administrator'] },
  { id: 'development', roles: ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager'] },
  { id: 'visits', roles: ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager'] },
  { id: 'visit-plans', roles: ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'] },
  { id: 'key-accounts', roles: ['sales_reviewer', 'supervisor', 'general_manager'] },
  // R-EVAL-2: the sales department opens and records, it or the general manager concludes; the analysts read (ANALYSTS)
  { id: 'customer-reviews', roles: ['sales_reviewer', 'general_manager', 'supervisor', 'auditor'] },
  // the sales department's and leaders' record-keeping (issue 16)
  { id: 'allocations', roles: ['sales_reviewer', 'supervisor', 'general_manager', 'auditor'] },
  { id: 'surveys', roles: ['sales_reviewer', 'supervisor', 'general_manager', 'auditor'] },
  { id: 'forums', roles: ['sales_reviewer', 'customer_manager', 'supervisor', 'general_manager', 'auditor'] },
  { id: 'consultations', roles: ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'] },
  { id: 'archive-filings', roles: ['parent_chemicals_sales', 'sales_reviewer', 'general_manager', 'auditor'] },
  // R-ARC-5: the sales department drafts and signs, a leader approves; everyone who works with customers reads
  { id: 'contracts', roles: ['sales_reviewer', 'customer_manager', 'finance_reviewer', 'supervisor', 'general_manager', 'auditor'] },
  // R-TIER-1 / R-PRIN-4: every role reads the product lines, warehouses and prices; the administrator keeps them
  { id: 'catalogue', roles: [] },
  // R-PRICE-1/2 价格和客户委员会: its members and auditors read the agenda, a customer manager reports a violation, an administrator keeps the charter
  { id: 'committee', roles: ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor', 'customer_manager', 'administrator'] },
  { id: 'calendar', roles: [] },
  // issue 16: everyone's own notifications and settings; the outbox and its delivery attempts for those the API shows them to
  { id: 'notifications', roles: [] },
  // issue 16: the administrator's and the deciding roles' people work
  { id: 'users', roles: ['administrator'] },
  { id: 'channels', roles: ['administrator'] },
  // R-PRICE-1: those who may propose a new version (the committee then decides)
  { id: 'complaint-policy', roles: ['administrator', 'sales_reviewer', 'general_manager'] },
  { id: 'delegations', roles: ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'administrator'] },
  // TASK-REASSIGN: only an administrator reassigns
  { id: 'reassignment', roles: ['administrator'] },
  // the read models' status and rebuilds are operations work: the administrator's
  { id: 'projections', roles: ['administrator'] },
];

export function featurePath(id: FeatureId, ...rest: string[]): string {
  return ['', id, ...rest.map(encodeURIComponent)].join('/');
}

export function findFeature(id: string | undefined): Feature | undefined {
  return FEATURES.find((f) => f.id === id);
}
