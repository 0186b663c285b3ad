import type { Role } from '@crm/workflow-kit';

/**
 * The demo users the API seeds outside production (apps/api/src/auth/demo-users.ts), offered as
 * one-click sign-ins. Against a production API they simply fail to sign in.
 */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; name: string; role: Role }> = [
  { username: 'manager', name: '王经理', role: 'customer_manager' },
  { username: 'sales', name: '李销售', role: 'sales_reviewer' },
  { username: 'finance', name: '张财务', role: 'finance_reviewer' },
  { username: 'gm', name: '周总经理', role: 'general_manager' },
  { username: 'supervisor', name: '孙主管', role: 'supervisor' },
  { username: 'auditor', name: '吴审计', role: 'auditor' },
  { username: 'admin', name: '系统管理员', role: 'administrator' },
  { username: 'manager2', name: '赵经理', role: 'customer_manager' },
  { username: 'sales2', name: '陈销售', role: 'sales_reviewer' },
  { username: 'finance2', name: '刘财务', role: 'finance_reviewer' },
  { username: 'parent', name: '郑化工品销售部', role: 'parent_chemicals_sales' },
];
