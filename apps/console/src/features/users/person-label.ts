import { ROLE_WORDING, type Role } from '@crm/workflow-kit';
import type { Lang } from '../../i18n/i18n.context';

/** A person the API names, as it sends them: the directory's name and roles. */
export interface Person { name: string; roles: readonly string[] }

/** The demo directory writes '孙主管 (supervisor)': the English tail is the role, shown separately and translated. */
export const plainName = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '');

export function roleWord(role: string, lang: Lang): string {
  const wording = ROLE_WORDING[role as Role];
  return wording ? (lang === 'en' ? wording.en : wording.zh) : role;
}

/** 孙主管（主管领导）, Sun (Supervisor): a person as the console shows them, never a username. */
export function personLabel(person: Person, lang: Lang): string {
  const roles = person.roles.map((r) => roleWord(r, lang)).join(lang === 'en' ? ', ' : '、');
  const name = plainName(person.name);
  if (!roles) return name;
  return lang === 'en' ? `${name} (${roles})` : `${name}（${roles}）`;
}

/** Someone a page names by id: by name when the page's `people` knows them, else a neutral word. */
export function named(people: Readonly<Record<string, Person>>, id: string | null | undefined, lang: Lang, unknown: string): string {
  if (!id) return '—';
  const person = people[id];
  return person ? personLabel(person, lang) : unknown;
}
