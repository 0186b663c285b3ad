import { ROLE_WORDING, type Role } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import type { Lang } from '../../i18n/i18n.context';

export interface Names {
  people: Record<string, { name: string; roles: string[] }>;
  customers: Record<string, { name: string; creditCode: string | null }>;
}
const EMPTY: Names = { people: {}, customers: {} };

/**
 * The names of the people and companies a screen's records carry as ids (GET /names). Until they
 * arrive, and for an id the directory does not know, the labels fall back to a neutral word, never
 * the raw id.
 */
export function useNames(people: ReadonlyArray<string | null | undefined>, customers: ReadonlyArray<string | null | undefined> = []): Names {
  const { api } = useSignedIn();
  const [names, setNames] = useState<Names>(EMPTY);
  const p = [...new Set(people.filter((x): x is string => !!x))].sort().join(',');
  const c = [...new Set(customers.filter((x): x is string => !!x))].sort().join(',');
  useEffect(() => {
    if (!p && !c) return;
    let live = true;
    api.get<Names>('/names', { people: p || undefined, customers: c || undefined }).then((n) => live && setNames(n), () => undefined);
    return () => { live = false; };
  }, [api, p, c]);
  return names;
}

/** 王经理（客户经理） / 王经理 (Customer manager); a system actor or an unknown one reads as who it stands for. */
export function personLabel(names: Names, id: string | null | undefined, lang: Lang): string {
  if (!id) return '—';
  const person = names.people[id];
  if (!person) return id.startsWith('system:') ? (lang === 'en' ? 'the system' : '系统') : (lang === 'en' ? 'a former user' : '（未知人员）');
  const roles = person.roles.filter((r): r is Role => r in ROLE_WORDING).map((r) => ROLE_WORDING[r][lang === 'en' ? 'en' : 'zh']);
  if (roles.length === 0) return person.name;
  return lang === 'en' ? `${person.name} (${roles.join(', ')})` : `${person.name}（${roles.join('、')}）`;
}

/** The company's name; with its credit code when asked (a filing, a check names which company exactly). */
export function customerLabel(names: Names, id: string | null | undefined, lang: Lang, withCode = false): string {
  if (!id) return '—';
  const customer = names.customers[id];
  if (!customer) return lang === 'en' ? '(company not visible to you)' : '（无权查看的客户）';
  return withCode && customer.creditCode ? `${customer.name}（${customer.creditCode}）` : customer.name;
}
