import { customerLabel, type Names, personLabel } from './name-labels';

const names: Names = { people: { gm: { name: '周总经理', roles: ['general_manager'] } }, customers: { 'cust-1': { name: '宁波恒稳化工有限公司', creditCode: '91330100600000417X' } } };

describe('labels for ids (issue 16: names, not ids)', () => {
  it('a person as 姓名（角色）, a company by name and, when asked, credit code', () => {
    expect(personLabel(names, 'gm', 'zh-CN')).toBe('周总经理（总经理）');
    expect(personLabel(names, 'gm', 'en')).toBe('周总经理 (General manager)');
    expect(customerLabel(names, 'cust-1', 'zh-CN', true)).toBe('宁波恒稳化工有限公司（91330100600000417X）');
  });

  it('an id whose lookup is still on its way reads as …, never as unknown, and never as the id', () => {
    const loading = { ...names, loading: true };
    expect(personLabel(loading, 'sales', 'zh-CN')).toBe('…');
    expect(customerLabel(loading, 'cust-2', 'zh-CN')).toBe('…');
    expect(personLabel(loading, 'gm', 'zh-CN')).toBe('周总经理（总经理）');
    expect(personLabel(names, 'sales', 'zh-CN')).toBe('（未知人员）');
    expect(customerLabel(names, 'cust-2', 'en')).toBe('(company not visible to you)');
  });
});
