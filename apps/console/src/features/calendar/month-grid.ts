/** Calendar arithmetic on 'YYYY-MM' / 'YYYY-MM-DD' strings, in UTC so the laptop's zone never matters. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Weeks (Monday first) of the month's dates; null pads the first and last week. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const { from, to } = monthRange(month);
  const lead = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
  const count = Number(to.slice(8));
  const cells: Array<string | null> = [...Array<null>(lead).fill(null)];
  for (let day = 1; day <= count; day++) cells.push(`${month}-${String(day).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Monday-first weekday dates of a known week, for column headings. */
export const WEEK_OF_REFERENCE = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07'];
