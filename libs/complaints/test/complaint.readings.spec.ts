import { WorkingCalendar } from '@crm/calendar';
import {
  ComplaintPolicy, DEFAULT_COMPLAINT_POLICY, DEFAULT_READINGS, explainComplaintDeadline, readingTextsOf, type ComplaintContext, type ComplaintServices,
} from '../src';
import { cmd, history, MANAGER, SALES, stateAfter } from './complaint.fixtures';

/** The real official calendar (08:30–17:30 Asia/Shanghai): the reading is about its business hours. */
const official = WorkingCalendar.official();
const services: ComplaintServices = { calendar: official, policy: DEFAULT_COMPLAINT_POLICY };

const generalReceived = (receivedAt: string, policy = DEFAULT_COMPLAINT_POLICY) =>
  history(
    [
      cmd('RecordComplaint', { complaintId: 'c-read', customerId: 'cust-1', receivedAt, channel: 'phone', content: '发票抬头错误' }, MANAGER, receivedAt),
      cmd('ClassifyComplaint', { class: 'general' }, SALES, receivedAt),
    ],
    { ...services, policy },
  );
const explained = (events: ReturnType<typeof generalReceived>) => explainComplaintDeadline(stateAfter(events).context as ComplaintContext);

describe('R-CMP-3 "一个工作日内": one working day = 9 working hours from receipt (ADR 0026)', () => {
  it('R-CMP-3: received Monday 15:00, a general complaint is due Tuesday 15:00 (9 working hours), not at the end of Monday', () => {
    expect(explained(generalReceived('2026-03-02T15:00:00+08:00'))?.deadline.due).toBe('2026-03-03T15:00:00+08:00');
  });

  it('R-CMP-3: received after hours or on a day off, counting starts at 08:30 of the next working day and ends at 17:30', () => {
    expect(explained(generalReceived('2026-03-02T20:00:00+08:00'))?.deadline.due).toBe('2026-03-03T17:30:00+08:00');
    expect(explained(generalReceived('2026-03-07T10:00:00+08:00'))?.deadline.due).toBe('2026-03-09T17:30:00+08:00');
  });

  it('R-CMP-3: the deadline explanation carries both readings with the clause quoted, in Chinese and English', () => {
    const readings = explained(generalReceived('2026-03-02T15:00:00+08:00'))?.readings ?? [];
    expect(readings.map((r) => r.code)).toEqual(['business-hours-from-receipt', 'major-and-serious-only']);
    const [workingDay, extension] = readings;
    expect(workingDay).toMatchObject({ rule: 'R-CMP-3', clause: '对于一般投诉,处理时间应在一个工作日内' });
    expect(workingDay.zh).toMatch(/9 个工作小时.*08:30–17:30/);
    expect(workingDay.en).toMatch(/9 working hours.*08:30–17:30/);
    expect(extension.clause).toMatch(/特殊情况经各级主管领导批准后最多处理时间不超过七个工作日/);
    expect(extension.zh).toMatch(/一般投诉须在一个工作日内处理，不能延期/);
    expect(extension.en).toMatch(/a general complaint is handled within one working day and cannot be extended/);
  });

  it('R-CMP-3: the policy data names its readings; a copy recorded before ADR 0026 (none named) is explained with the same readings', () => {
    expect(DEFAULT_COMPLAINT_POLICY.readings).toEqual(DEFAULT_READINGS);
    const { readings: _omitted, ...older } = DEFAULT_COMPLAINT_POLICY;
    expect(readingTextsOf(undefined)).toEqual(readingTextsOf(DEFAULT_COMPLAINT_POLICY.readings));
    expect(explained(generalReceived('2026-03-02T15:00:00+08:00', { ...older, version: 'before-0026' }))?.readings).toHaveLength(2);
  });

  it('R-CMP-3: a policy cannot name a reading the product does not implement (R-PRICE-1: the committee approves what runs)', () => {
    const other = { ...DEFAULT_COMPLAINT_POLICY, readings: { workingDay: 'end-of-next-day', extension: 'major-and-serious-only' } };
    expect(ComplaintPolicy.safeParse(other).success).toBe(false);
    const generalToo = { ...DEFAULT_COMPLAINT_POLICY, readings: { workingDay: 'business-hours-from-receipt', extension: 'any-class' } };
    expect(ComplaintPolicy.safeParse(generalToo).success).toBe(false);
  });
});
