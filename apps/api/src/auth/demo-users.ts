import type { Role } from '@crm/workflow-kit';

/**
 * Seeded by `npm start` outside production (README lists them). Two reviewers per step so that
 * segregation of duties and approval races can be tried by hand.
 */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: ReadonlyArray<{ username: string; name: string; roles: Role[] }> = [
  { username: 'manager', name: '王经理 (customer manager)', roles: ['customer_manager'] },
  { username: 'manager2', name: '赵经理 (customer manager)', roles: ['customer_manager'] },
  { username: 'sales', name: '李销售 (sales reviewer)', roles: ['sales_reviewer'] },
  { username: 'sales2', name: '陈销售 (sales reviewer)', roles: ['sales_reviewer'] },
  { username: 'finance', name: '张财务 (finance reviewer)', roles: ['finance_reviewer'] },
  { username: 'finance2', name: '刘财务 (finance reviewer)', roles: ['finance_reviewer'] },
  { username: 'gm', name: '周总经理 (general manager)', roles: ['general_manager'] },
  { username: 'supervisor', name: '孙主管 (supervisor)', roles: ['supervisor'] },
  { username: 'auditor', name: '吴审计 (auditor)', roles: ['auditor'] },
  { username: 'admin', name: '系统管理员 (administrator)', roles: ['administrator'] },
  { username: 'parent', name: '郑化工品销售部 (parent chemicals sales)', roles: ['parent_chemicals_sales'] },
];
