import { CreateUser, ReassignTaskBody, WebhookBody } from '@crm/workflow-kit';
import { Delegation } from '@crm/onboarding';
import { ComplaintPolicy, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import { checkFields } from '../record-kit/field-check';
import { adminWording } from './field-check';
import { plainName, personLabel } from './person-label';
import { USERS_EN, USERS_ZH } from './users.messages';

const zh = adminWording({ username: '用户名规则' })('zh-CN');

describe('the administrator screens’ field checks: the API’s schemas, worded in Chinese (issue 16)', () => {
  it('CreateUser: the user name’s own rule, a short password, no roles — one message per input', () => {
    expect(checkFields(CreateUser, { username: 'Zhao Zhu', name: '', roles: [], password: 'short' }, zh)).toEqual({
      username: '用户名规则', name: '必填', roles: '必填', password: '至少 8 个字符',
    });
    expect(checkFields(CreateUser, { username: 'zhaozhu', name: '赵主管', roles: ['supervisor'], password: 'long-enough' }, zh)).toEqual({});
  });

  it('a webhook’s address and secret; a reassignment needs someone', () => {
    expect(checkFields(WebhookBody, { url: 'ftp://x.example/h', secret: 'short' }, zh)).toEqual({ url: '请填写以 http:// 或 https:// 开头的网址', secret: '至少 16 个字符' });
    expect(checkFields(ReassignTaskBody, { to: '' }, zh)).toEqual({ to: '必填' });
  });

  it('ONB-DELEGATION and R-CMP-3: the domain’s refinements land on their field with the form’s own words', () => {
    const words = adminWording({ until: '结束日期规则', 'deadlines.major': '较大投诉规则' })('zh-CN');
    const delegation = { delegationId: 'new', delegatorId: 'supervisor', delegateId: 'qianzhu', role: 'supervisor', from: '2026-03-10', until: '2026-03-05' };
    expect(checkFields(Delegation, delegation, words)).toEqual({ until: '结束日期规则' });
    expect(checkFields(Delegation, { ...delegation, until: '2026-07-01' }, words)).toEqual({ until: '结束日期规则' });
    expect(checkFields(ComplaintPolicy, { ...DEFAULT_COMPLAINT_POLICY, deadlines: { general: 1, major: 4 } }, words)).toEqual({ 'deadlines.major': '较大投诉规则' });
  });

  it('people as 姓名（角色）, the demo directory’s English tail dropped', () => {
    expect(personLabel({ name: '孙主管 (supervisor)', roles: ['supervisor'] }, 'zh-CN')).toBe('孙主管（主管领导）');
    expect(personLabel({ name: '孙主管 (supervisor)', roles: ['supervisor', 'sales_reviewer'] }, 'en')).toBe('孙主管 (Supervisor, Sales department)');
    expect(plainName('赵主管')).toBe('赵主管');
  });

  it('both languages have every key with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(USERS_ZH) as Array<keyof typeof USERS_ZH>) expect([key, placeholders(USERS_EN[key])]).toEqual([key, placeholders(USERS_ZH[key])]);
  });
});
