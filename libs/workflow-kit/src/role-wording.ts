import type { Role } from './actor';
import type { Wording } from './wording';

/** The roles as the company names them (domain.md, "Who uses it"). */
export const ROLE_WORDING: { readonly [R in Role]: Wording } = {
  customer_manager: { zh: '客户经理', en: 'Customer manager' },
  sales_reviewer: { zh: '销售部', en: 'Sales department' },
  finance_reviewer: { zh: '财务部', en: 'Finance department' },
  general_manager: { zh: '总经理', en: 'General manager' },
  supervisor: { zh: '主管领导', en: 'Supervisor' },
  auditor: { zh: '审计', en: 'Auditor' },
  parent_chemicals_sales: { zh: '产品经销公司化工品销售部', en: 'Parent company chemicals sales' },
  administrator: { zh: '系统管理员', en: 'Administrator' },
};
