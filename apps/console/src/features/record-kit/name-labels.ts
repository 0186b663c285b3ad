import { ROLE_WORDING, type Role } from '@crm/workflow-kit';
import type { Lang } from '../../i18n/i18n.context';

export interface Names {
  people: Record<string, { name: string; roles: string[] }>;
  customers: Record<string, { name: string; creditCode: string | null }>;
  /** a lookup for ids not answered yet is on its way: their labels read as … rather than "unknown" */
  loading?: boolean;
}
/** 王经理（客户经理） / 王经理 (Customer manager); a system actor or an unknown one reads as who it stands for. */
export function personLabel(names: Names, id: string | null | undefined, lang: Lang): string {
  if (!id) return '—';
  const person = names.people[id];
  if (!person) return id.startsWith('system:') ? (lang === 'en' ? 'the system' : '系统') : names.loading ? '…' : (lang === 'en' ? 'a former user' : '（未知人员）');
  const roles = person.roles.filter((r): r is Role => r in ROLE_WORDING).map((r) => ROLE_WORDING[r][lang === 'en' ? 'en' : 'zh']);
  if (roles.length === 0) return person.name;
  return lang === 'en' ? `${person.name} (${roles.join(', ')})` : `${person.name}（${roles.join('、')}）`;
}

/** The company's name; with its credit code when asked (a filing, a check names which company exactly). */
export function customerLabel(names: Names, id: string | null | undefined, lang: Lang, withCode = false): string {
  if (!id) return '—';
  const customer = names.customers[id];
  if (!customer) return names.loading ? '…' : lang === 'en' ? '(company not visible to you)' : '（无权查看的客户）';
  return withCode && customer.creditCode ? `${customer.name}（${customer.creditCode}）` : customer.name;
}
