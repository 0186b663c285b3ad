import { WorkingCalendar } from '@crm/calendar';
import { DEFAULT_COMPLAINT_POLICY, whatIf } from '../src';
import { at, cmd, FAKE_CALENDAR, history, MANAGER, RECEIVED, recordCommand, SALES, SCHEDULER, SUPERVISOR } from './complaint.fixtures';

/** A general complaint closed after the customer was told at `toldAfterHours` (fake 24 h calendar: due at 24 h). */
function closedGeneral(id: string, toldAfterHours: number) {
  const breach = toldAfterHours > 24 ? [cmd('MarkSlaBreached', { dueAt: at(24) }, SCHEDULER, at(24))] : [];
  return history([
    recordCommand(RECEIVED, at(0.5), id),
    cmd('ClassifyComplaint', { class: 'general' }, SALES, at(1)),
    cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'cm-li' }, MANAGER, at(2)),
    cmd('ApproveResolution', {}, SUPERVISOR, at(3)),
    ...breach,
    cmd('NotifyCustomer', { channel: 'phone', message: '已处理' }, MANAGER, at(toldAfterHours)),
    cmd('CloseComplaint', { notes: '无' }, MANAGER, at(toldAfterHours + 1)),
  ]);
}

const late = closedGeneral('c-late', 30);
const onTime = closedGeneral('c-ok', 4);
const stillOpen = history([recordCommand(RECEIVED, at(0.5), 'c-open'), cmd('ClassifyComplaint', { class: 'major' }, SALES, at(1))]);

describe('what-if: closed complaints re-run under another policy or calendar', () => {
  it('R-CMP-3: the same policy and calendar change nothing', () => {
    const report = whatIf([late, onTime], { calendar: FAKE_CALENDAR });
    expect(report.summary).toEqual({ examined: 2, dueChanged: 0, lateChanged: 0, newlyLate: 0, noLongerLate: 0 });
    expect(report.outcomes[0].actual).toMatchObject({ due: at(24), late: true, breachOnRecord: true, policyVersion: '2026-1' });
  });

  it('R-CMP-3: a 2-working-day general deadline would have spared the late complaint its breach', () => {
    const policy = { ...DEFAULT_COMPLAINT_POLICY, version: 'draft-2', deadlines: { general: 2, major: 3 } };
    const report = whatIf([late, onTime, stillOpen], { calendar: FAKE_CALENDAR, policy });
    expect(report.summary).toEqual({ examined: 2, dueChanged: 2, lateChanged: 1, newlyLate: 0, noLongerLate: 1 });
    const [lateOutcome] = report.outcomes;
    expect(lateOutcome).toMatchObject({
      complaintId: 'c-late', class: 'general', handledAt: at(30), dueChanged: true, lateChanged: true,
      whatIf: { workingDays: 2, due: at(48), policyVersion: 'draft-2', late: false },
      whatIfMarginMs: 18 * 3_600_000,
    });
    expect(report.skipped).toEqual([{ complaintId: 'c-open', reason: 'not closed' }]);
  });

  it('R-CMP-4: on the official calendar a Friday-afternoon complaint told on Monday morning was on time after all', () => {
    // received Friday 2026-03-06 15:00 Shanghai: the 24x7 stand-in made it due Saturday 15:00; officially Monday 15:00
    const friday = '2026-03-06T07:00:00.000Z';
    const h = (hours: number) => new Date(Date.parse(friday) + hours * 3_600_000).toISOString();
    const events = history([
      recordCommand(friday, h(0.5), 'c-fri'),
      cmd('ClassifyComplaint', { class: 'general' }, SALES, h(1)),
      cmd('DraftResolution', { department: '销售部', text: '致歉', handler: 'cm-li' }, MANAGER, h(2)),
      cmd('ApproveResolution', {}, SUPERVISOR, h(3)),
      cmd('MarkSlaBreached', { dueAt: h(24) }, SCHEDULER, h(24)),
      cmd('NotifyCustomer', { channel: 'phone', message: '已处理' }, MANAGER, h(67)), // Monday 10:00
      cmd('CloseComplaint', { notes: '无' }, MANAGER, h(68)),
    ]);
    const official = WorkingCalendar.official();
    const report = whatIf([events], { calendar: official });
    expect(report.outcomes[0]).toMatchObject({
      actual: { due: h(24), late: true, breachOnRecord: true, calendarVersion: 'fake-24x7' },
      whatIf: { due: '2026-03-09T15:00:00+08:00', late: false, calendarVersion: official.version, provisional: false },
      dueChanged: true,
      lateChanged: true,
      whatIfMarginMs: 5 * 3_600_000,
    });
    expect(report.summary.noLongerLate).toBe(1);
  });
});
