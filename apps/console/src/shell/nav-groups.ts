import type { FeatureId } from '../features/feature-catalogue';

export type NavGroupId = 'customers' | 'relations' | 'sales' | 'admin';

/**
 * The header's menus, so a role with twenty pages still reads one row at 1366 px. A feature in no
 * group is a link of its own (a new page is never hidden), and a group the viewer can open only one
 * page of is that page's link: a menu of one is a click for nothing.
 */
export const NAV_GROUPS: ReadonlyArray<{ id: NavGroupId; features: readonly FeatureId[] }> = [
  { id: 'customers', features: ['new-application', 'customers', 'complaints', 'sla-board', 'key-accounts', 'archive-filings'] },
  { id: 'relations', features: ['development', 'visits', 'visit-plans', 'surveys', 'forums', 'consultations', 'customer-reviews'] },
  { id: 'sales', features: ['contracts', 'catalogue', 'committee', 'allocations'] },
  { id: 'admin', features: ['users', 'channels', 'projections', 'complaint-policy', 'delegations', 'reassignment', 'audit', 'calendar'] },
];

export type NavEntry<T> = { kind: 'link'; item: T } | { kind: 'group'; id: NavGroupId; items: T[] };

/** The viewer's pages in header order: ungrouped ones where they stand, each group where its first page stands. */
export function navEntries<T extends { key: string }>(items: readonly T[]): NavEntry<T>[] {
  const groupOf = (key: string) => NAV_GROUPS.find((g) => (g.features as readonly string[]).includes(key));
  const entries: NavEntry<T>[] = [];
  for (const item of items) {
    const group = groupOf(item.key);
    if (!group) { entries.push({ kind: 'link', item }); continue; }
    const open = entries.find((e): e is Extract<NavEntry<T>, { kind: 'group' }> => e.kind === 'group' && e.id === group.id);
    if (open) open.items.push(item);
    else entries.push({ kind: 'group', id: group.id, items: [item] });
  }
  return entries.map((e) => (e.kind === 'group' && e.items.length === 1 ? { kind: 'link', item: e.items[0] } : e));
}
