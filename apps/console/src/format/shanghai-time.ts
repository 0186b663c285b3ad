import type { Lang } from '../i18n/i18n.context';

/** Every date the console shows is in China's time zone, whatever the laptop's zone is. */
export const ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00'; // China has had no daylight saving since 1991

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** '2026-10-10 10:00' in Beijing time: the same unambiguous shape in both languages. */
export function formatInstant(iso: string | Date): string {
  const p = parts(typeof iso === 'string' ? new Date(iso) : iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The weekday of a calendar date ('2026-10-10' → '周六' / 'Sat'). */
export function weekdayOf(isoDate: string, lang: Lang, width: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Month title, e.g. '2026年10月' / 'October 2026'. */
export function formatMonth(yearMonth: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${yearMonth}-01T00:00:00Z`));
}

/** A `<input type="datetime-local">` value read as Beijing time → ISO instant with offset. */
export function fromLocalInput(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}${OFFSET}`;
}

/** Now in Beijing time, shaped for `<input type="datetime-local">`. */
export function localInputNow(now = new Date()): string {
  return formatInstant(now).replace(' ', 'T');
}
