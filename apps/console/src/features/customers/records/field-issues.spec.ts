import { ChangeCustomerInformation, FileSalesPlan, IssueAgencyLicence, RecordPickup } from '@crm/customers';
import { checkFields, formField } from '../../record-kit/field-check';
import { RECORD_WORDING } from './field-issues';
import { RECORDS_EN, RECORDS_ZH } from './records.messages';

// the record forms' Chinese words, as the page gives them to the one form hook
const t = RECORD_WORDING('zh-CN');

describe('record forms: the domain’s zod schemas, worded in Chinese (issue 16)', () => {
  it('R-TIER-2: RecordPickup’s checks, one message per input', () => {
    expect(checkFields(RecordPickup, { pickupId: '', date: '2026-02-30', product: 'PP', tonnes: 6000, warehouse: '库\u200b' }, t)).toEqual({
      pickupId: '必填', date: '请填写日期（YYYY-MM-DD）', tonnes: '不能超过 5000', warehouse: '不能包含控制字符、双向覆盖字符或零宽字符',
    });
    expect(checkFields(RecordPickup, { pickupId: 'p', date: '2026-03-05', product: 'PP', tonnes: 0, warehouse: '库' }, t)).toEqual({ tonnes: '必须大于 0' });
    expect(checkFields(RecordPickup, { pickupId: 'p', date: '2026-03-05', product: 'PP', tonnes: Number('abc'), warehouse: '库' }, t)).toEqual({ tonnes: '请填写数字' });
    expect(checkFields(RecordPickup, { pickupId: 'p', date: '2026-03-05', product: 'PP', warehouse: '库' }, t)).toEqual({ tonnes: '必填' });
  });

  it('R-TIER-7: a plan’s month and lines by their dotted paths; a licence’s year a whole number in range', () => {
    expect(checkFields(FileSalesPlan, { month: '2026-13', lines: [] }, t)).toEqual({ month: '请填写 2000-01 至 2099-12 之间的月份（YYYY-MM）', lines: '至少填写一行' });
    const line = { customer: '宁波某化纤厂', quantity: 300, pickupWindow: { from: '2026-04-01', to: '' } };
    expect(checkFields(FileSalesPlan, { month: '2026-04', lines: [line] }, t)).toEqual({ 'lines.0.pickupWindow.to': '请填写日期（YYYY-MM-DD）' });
    expect(checkFields(IssueAgencyLicence, { year: 2026.5, licenceNumber: 'x'.repeat(101) }, t)).toEqual({ year: '须为整数', licenceNumber: '不能超过 100 个字符' });
    expect(checkFields(IssueAgencyLicence, { year: 1990, licenceNumber: 'EA-1' }, t)).toEqual({ year: '不能小于 2000' });
  });

  it('R-ARC-1: a change needs its reason; the API’s data.<field> lands on the form’s input', () => {
    expect(checkFields(ChangeCustomerInformation, { changes: { region: '华南' }, reason: ' ' }, t)).toEqual({ reason: '必填' });
    expect(formField('data.changes.region')).toBe('changes.region');
    expect(formField('month')).toBe('month');
    expect(formField('body.url')).toBe('url');
  });

  it('both languages have every key with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(RECORDS_EN).sort()).toEqual(Object.keys(RECORDS_ZH).sort());
    for (const key of Object.keys(RECORDS_ZH) as Array<keyof typeof RECORDS_ZH>) expect([key, placeholders(RECORDS_EN[key])]).toEqual([key, placeholders(RECORDS_ZH[key])]);
  });
});
