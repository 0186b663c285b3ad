import { WorkingCalendar } from '@crm/calendar';
import { DEFAULT_COMPLAINT_POLICY, type ComplaintServices } from '../src';
import { cmd, history, MANAGER, SALES, spec, SUPERVISOR, GM } from './complaint.fixtures';

/** The real official calendar (2024–2026 State Council notices, 08:30–17:30 Asia/Shanghai). */
const official = WorkingCalendar.official();
const services: ComplaintServices = { calendar: official, policy: DEFAULT_COMPLAINT_POLICY };
const { given } = spec(services);

const received = (receivedAt: string) =>
  history([cmd('RecordComplaint', { complaintId: 'c-cal', customerId: 'cust-1', receivedAt, channel: 'phone', content: '提货单号错误' }, MANAGER, receivedAt)], services);

describe('complaint deadlines on the official working-day calendar (R-CMP-4)', () => {
  it('R-CMP-4: a major complaint received the day before National Day 2026 skips 国庆节 and counts the make-up Saturday', () => {
    const decision = given(received('2026-09-30T10:00:00+08:00')).when(cmd('ClassifyComplaint', { class: 'major' }, SALES, '2026-09-30T11:00:00+08:00')).thenMatches([
      { type: 'ComplaintClassified', data: { class: 'major', workingDays: 3, deadline: { due: '2026-10-10T10:00:00+08:00', calendarVersion: official.version, provisional: false } } },
    ]);
    const { deadline, warnAt } = (decision.events[0] as { data: { deadline: { explanation: Array<{ date: string; kind: string; note: string }> }; warnAt: string } }).data;
    // 27 business hours; 75% = 20h15m: 7h30m on 09-30, 9h on 10-08, 3h45m on 10-09
    expect(warnAt).toBe('2026-10-09T12:15:00+08:00');
    expect(deadline.explanation.map((s) => `${s.date} ${s.kind}`)).toEqual([
      '2026-09-30 workday',
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d} holiday`),
      '2026-10-08 workday', '2026-10-09 workday', '2026-10-10 makeup-workday',
    ]);
    expect(deadline.explanation[1].note).toMatch(/国庆节/);
    expect(deadline.explanation[10].note).toMatch(/调休/);
  });

  it('R-CMP-4: a general complaint received on the Friday before a Saturday make-up day is due on that Saturday', () => {
    given(received('2026-10-09T15:00:00+08:00')).when(cmd('ClassifyComplaint', { class: 'general' }, SALES, '2026-10-09T15:10:00+08:00')).thenMatches([
      { type: 'ComplaintClassified', data: { workingDays: 1, deadline: { due: '2026-10-10T15:00:00+08:00' }, warnAt: '2026-10-10T12:45:00+08:00' } }, // 75% of 9h = 6h45m: 2h30m Friday, 4h15m Saturday
    ]);
    given(received('2026-02-13T17:00:00+08:00')).when(cmd('ClassifyComplaint', { class: 'general' }, SALES, '2026-02-13T17:10:00+08:00')).thenMatches([
      { type: 'ComplaintClassified', data: { deadline: { due: '2026-02-14T17:00:00+08:00' } } },
    ]);
  });

  it('R-CMP-4: an ordinary Friday has no make-up day: a general complaint is due on Monday', () => {
    given(received('2026-03-06T15:00:00+08:00')).when(cmd('ClassifyComplaint', { class: 'general' }, SALES, '2026-03-06T15:10:00+08:00')).thenMatches([
      { type: 'ComplaintClassified', data: { deadline: { due: '2026-03-09T15:00:00+08:00' } } },
    ]);
  });

  it('R-CMP-3/R-CMP-4: the 7-working-day cap from receipt across National Day is 2026-10-15 10:00', () => {
    const classified = history([cmd('ClassifyComplaint', { class: 'major' }, SALES, '2026-09-30T11:00:00+08:00')], services, received('2026-09-30T10:00:00+08:00'));
    const approvals = history(
      [
        cmd('RequestExtension', { additionalWorkingDays: 4, reason: '节后方可取样检测' }, MANAGER, '2026-09-30T12:00:00+08:00'),
        cmd('ApproveExtension', { requestId: 'ext-1' }, SUPERVISOR, '2026-09-30T13:00:00+08:00'),
      ],
      services,
      classified,
    );
    given(approvals).when(cmd('ApproveExtension', { requestId: 'ext-1' }, GM, '2026-09-30T14:00:00+08:00')).thenMatches([
      { type: 'ExtensionApproved' },
      { type: 'ExtensionGranted', data: { workingDays: 7, previousDue: '2026-10-10T10:00:00+08:00', deadline: { due: '2026-10-15T10:00:00+08:00', calendarVersion: official.version } } },
    ]);
  });

  it('R-CMP-4: a deadline in a year without an official notice is marked provisional', () => {
    given(received('2026-12-31T10:00:00+08:00')).when(cmd('ClassifyComplaint', { class: 'major' }, SALES, '2026-12-31T11:00:00+08:00')).thenMatches([
      { type: 'ComplaintClassified', data: { deadline: { provisional: true } } },
    ]);
  });
});
