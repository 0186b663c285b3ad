import { FEATURES } from '../features/feature-catalogue';
import { NAV_GROUPS, navEntries } from './nav-groups';

const items = (...keys: string[]) => keys.map((key) => ({ key }));

describe('the header’s menus (issue 16: one row at 1366 px)', () => {
  it('groups a role’s pages in menus where the first of each stands; ungrouped pages stay links', () => {
    const entries = navEntries(items('', 'inbox', 'customers', 'development', 'complaints', 'visits', 'brand-new'));
    expect(entries.map((e) => (e.kind === 'link' ? e.item.key : `${e.id}[${e.items.map((i) => i.key).join(',')}]`))).toEqual([
      '', 'inbox', 'customers[customers,complaints]', 'relations[development,visits]', 'brand-new',
    ]);
  });

  it('a menu of one page is that page’s link', () => {
    expect(navEntries(items('', 'calendar', 'audit')).map((e) => e.kind)).toEqual(['link', 'group']);
    expect(navEntries(items('', 'calendar'))).toEqual([{ kind: 'link', item: { key: '' } }, { kind: 'link', item: { key: 'calendar' } }]);
  });

  it('names only features the console has, each in one menu at most', () => {
    const grouped = NAV_GROUPS.flatMap((g) => g.features);
    expect(grouped.filter((id) => !FEATURES.some((f) => f.id === id))).toEqual([]);
    expect(new Set(grouped).size).toBe(grouped.length);
  });
});
