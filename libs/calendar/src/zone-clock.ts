import { fromDayNumber, dayNumber, type IsoDate } from './iso-date';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// China has kept UTC+8 without daylight saving since 1991-09; from then on the offset is fixed
// and the Intl round trip (a few microseconds per call) can be skipped.
const SHANGHAI_FIXED_SINCE = Date.UTC(1991, 9, 1);

/**
 * Converts between instants and wall-clock time in one IANA zone using Intl with an explicit
 * `timeZone`, never the process's local zone, so `process.env.TZ` cannot change any answer.
 */
export class ZoneClock {
  private readonly format?: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    if (timeZone !== 'UTC') {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    }
  }

  /** Offset from UTC in minutes at the instant `ms` (+480 for Asia/Shanghai). */
  offsetMinutes(ms: number): number {
    if (!this.format) return 0;
    if (this.timeZone === 'Asia/Shanghai' && ms >= SHANGHAI_FIXED_SINCE) return 480;
    const whole = Math.floor(ms / 1000) * 1000;
    const p = Object.fromEntries(this.format.formatToParts(whole).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return Math.round((asUtc - whole) / MINUTE_MS);
  }

  /** The local calendar date and milliseconds since local midnight of an instant. */
  local(ms: number): { date: IsoDate; msOfDay: number } {
    const wall = ms + this.offsetMinutes(ms) * MINUTE_MS;
    const day = Math.floor(wall / DAY_MS);
    return { date: fromDayNumber(day), msOfDay: wall - day * DAY_MS };
  }

  /** The instant at which local wall-clock time reads `date` + `minuteOfDay`. */
  instant(date: IsoDate, minuteOfDay: number): number {
    const wall = dayNumber(date) * DAY_MS + minuteOfDay * MINUTE_MS;
    // Two passes settle the offset even on a daylight-saving change day.
    const guess = wall - this.offsetMinutes(wall) * MINUTE_MS;
    return wall - this.offsetMinutes(guess) * MINUTE_MS;
  }

  /** ISO 8601 with this zone's offset, e.g. '2026-10-10T10:00:00+08:00'. */
  formatInstant(ms: number): string {
    const offset = this.offsetMinutes(ms);
    const wall = new Date(ms + offset * MINUTE_MS).toISOString(); // 'YYYY-MM-DDTHH:mm:ss.sssZ'
    const body = wall.endsWith('.000Z') ? wall.slice(0, 19) : wall.slice(0, 23);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${body}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }

  /** 'HH:mm' (or 'HH:mm:ss' when seconds matter) of an instant's local wall time. */
  formatTime(ms: number): string {
    const { msOfDay } = this.local(ms);
    const s = Math.floor(msOfDay / 1000);
    const hm = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}`;
    return s % 60 === 0 ? hm : `${hm}:${pad(s % 60)}`;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
