import { startTestApi, type TestApi } from './support/test-api';

const YEAR_2027 = {
  year: 2027,
  source: 'test notice for 2027 (not official)',
  holidays: [{ name: "New Year's Day", nameZh: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  makeUpWorkdays: [{ date: '2027-01-09', forHoliday: '元旦' }],
};

describe('calendar endpoints (R-CMP-3, R-CMP-4) on the real service', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('R-CMP-4: a 3-working-day deadline from 2026-09-30 10:00 skips National Day and lands on the make-up Saturday', async () => {
    const res = await api.request('GET', '/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=3');
    expect(res.status).toBe(200);
    expect(new Date(res.body.due).toISOString()).toBe('2026-10-10T02:00:00.000Z');
    expect(res.body.provisional).toBe(false);
    expect(res.body.calendarVersion).toEqual(expect.any(String));
    const notes = JSON.stringify(res.body.explanation);
    expect(notes).toContain('国办发明电〔2025〕7号');
    expect(res.body.explanation.some((s: { kind: string }) => s.kind === 'makeup-workday')).toBe(true);
  });

  it('lists each day with its kind', async () => {
    const res = await api.request('GET', '/calendar/days?from=2026-10-07&to=2026-10-11');
    expect(res.status).toBe(200);
    expect(res.body.days.map((d: { kind: string }) => d.kind)).toEqual(['holiday', 'workday', 'workday', 'makeup-workday', 'weekend']);
  });

  it('refuses bad dates and ranges with 400 naming the field', async () => {
    const badFrom = await api.request('GET', '/calendar/deadline?from=yesterday&workingDays=1');
    expect(badFrom.status).toBe(400);
    expect(badFrom.body.field).toBe('from');
    const negative = await api.request('GET', '/calendar/deadline?from=2026-09-30T10:00:00Z&workingDays=-1');
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('R-CMP-3');
    const reversed = await api.request('GET', '/calendar/days?from=2026-10-11&to=2026-10-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.field).toBe('to');
  });

  it('flags a deadline in a year without official data as provisional, until an administrator publishes the year', async () => {
    const before = await api.request('GET', '/calendar/deadline?from=2027-01-04T09:00:00%2B08:00&workingDays=1');
    expect(before.body.provisional).toBe(true);

    const refused = await api.request('PUT', '/calendar/years/2027', { token: await api.tokenFor('sales'), body: YEAR_2027 });
    expect(refused.status).toBe(403);

    const published = await api.request('PUT', '/calendar/years/2027', { token: await api.tokenFor('admin'), body: YEAR_2027 });
    expect(published.status).toBe(200);
    expect(published.body.calendarVersion).not.toBe(before.body.calendarVersion);

    const after = await api.request('GET', '/calendar/deadline?from=2027-01-04T09:00:00%2B08:00&workingDays=1');
    expect(after.body.provisional).toBe(false);
    expect(after.body.calendarVersion).toBe(published.body.calendarVersion);
    const events = await api.store.readStream('calendar-cn');
    expect(events.map((e) => [e.type, e.metadata.actor])).toEqual([['CalendarYearPublished', 'admin']]);
  });

  it('refuses contradictory calendar data without writing anything', async () => {
    const head = await api.store.headPosition();
    const bad = { ...YEAR_2027, makeUpWorkdays: [{ date: '2027-01-05', forHoliday: '元旦' }] };
    const res = await api.request('PUT', '/calendar/years/2027', { token: await api.tokenFor('admin'), body: bad });
    expect(res.status).toBe(400);
    expect(await api.store.headPosition()).toBe(head);
  });
});
