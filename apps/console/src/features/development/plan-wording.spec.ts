import { DraftDevelopmentPlan, RecordDevelopmentProgress } from '@crm/development';
import { checkFields } from '../record-kit/field-check';
import { endOfBeijingDay, PLAN_WORDING } from './plan-wording';

const zh = PLAN_WORDING('zh-CN');
const en = PLAN_WORDING('en');
const Draft = DraftDevelopmentPlan.omit({ planId: true }).strict();
const Progress = RecordDevelopmentProgress.omit({ entryId: true }).strict();
const target = { targetId: 't-1', prospectId: 'p-1', goal: '本季度开户并首单', targetTonnes: null };

describe('the development plan forms: the domain’s zod schemas, worded in the page’s language (issue 16)', () => {
  it('R-DEV-2: a quarter as 2026-Q4, a deadline, a budget and at least one target, each target once', () => {
    expect(checkFields(Draft, { quarter: '2026 四季度', deadline: undefined, budgetYuan: -1, targets: [], supportRequested: [] }, zh)).toEqual({
      quarter: '请填写季度，例如 2026-Q4', deadline: '必填', budgetYuan: '不能小于 0', targets: '至少填写一行',
    });
    expect(checkFields(Draft, { quarter: '2026-Q4', deadline: endOfBeijingDay('2026-12-25'), budgetYuan: 1, targets: [target, target] }, zh)).toEqual({ targets: '开发目标不能重复' });
    expect(checkFields(Draft, { quarter: '2026-Q4', deadline: endOfBeijingDay('2026-12-25'), budgetYuan: 1, targets: [{ ...target, prospectId: '', goal: '' }] }, zh)).toEqual({
      'targets.0.prospectId': '必填', 'targets.0.goal': '必填',
    });
    expect(checkFields(Draft, { quarter: '2026-Q4', deadline: endOfBeijingDay('2026-12-25'), budgetYuan: 0, targets: [target] }, zh)).toEqual({});
    expect(endOfBeijingDay('2026-12-25')).toBe('2026-12-25T23:59:59+08:00');
    expect(endOfBeijingDay('')).toBeUndefined();
  });

  it('R-DEV-3: a weekly summary is named by its Monday, a monthly report by its month — in Chinese and in English', () => {
    const entry = { targetId: 't-1', summary: '首次拜访', achieved: false };
    expect(checkFields(Progress, { ...entry, period: { kind: 'weekly', weekStarting: '2026-10-07' } }, zh)).toEqual({ 'period.weekStarting': 'R-DEV-3：周报以该周的周一命名，请选择周一' });
    expect(checkFields(Progress, { ...entry, period: { kind: 'weekly', weekStarting: '2026-10-07' } }, en)).toEqual({ 'period.weekStarting': 'R-DEV-3: a weekly summary is named by the Monday its week starts on' });
    expect(checkFields(Progress, { ...entry, period: { kind: 'weekly', weekStarting: '2026-10-05' } }, zh)).toEqual({});
    expect(checkFields(Progress, { ...entry, period: { kind: 'monthly', month: '' } }, zh)).toEqual({ 'period.month': '请填写 2000-01 至 2099-12 之间的月份（YYYY-MM）' });
  });
});
