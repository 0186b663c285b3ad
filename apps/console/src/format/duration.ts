import type { Lang } from '../i18n/i18n.context';

const UNITS: Record<Lang, { h: string; m: string; s: string; sep: string }> = {
  'zh-CN': { h: '小时', m: '分', s: '秒', sep: '' },
  en: { h: ' h', m: ' min', s: ' s', sep: ' ' },
};

/**
 * A length of time as people write it: 9小时, 1小时30分 / 9 h, 1 h 30 min. Zero parts in the
 * middle are left out (1小时5秒); seconds only when the duration has them; the sign is not shown
 * (callers say "left" or "overdue").
 */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const parts: Array<[number, 'h' | 'm' | 's']> = [
    [Math.floor(total / 3600), 'h'],
    [Math.floor(total / 60) % 60, 'm'],
    [total % 60, 's'],
  ];
  const unit = UNITS[lang];
  const shown = parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${unit[u]}`);
  return shown.length ? shown.join(unit.sep) : `0${unit.h}`;
}

/** @crm/calendar's compact duration ('9h', '7h30m', '45m', '1h0m5s') in ms, or null when it is not one. */
export function parseCompactDuration(text: string): number | null {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!match || text.trim() === '') return null;
  const [, h = '0', m = '0', s = '0'] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
}

/**
 * A deadline explanation's `counted` ('08:30–17:30 (9h)', or '0h' for a day not counted) in the
 * reader's language. The API keeps its compact English form because explanations are stored in
 * the events that computed them (R-CMP-4), so old ones are read the same way as new ones.
 */
export function formatCounted(counted: string, lang: Lang): string {
  const whole = parseCompactDuration(counted);
  if (whole !== null) return formatDuration(whole, lang);
  const match = /^(.*)\s\(([0-9hms]+)\)$/.exec(counted);
  const ms = match ? parseCompactDuration(match[2]) : null;
  if (!match || ms === null) return counted;
  const ranges = lang === 'zh-CN' ? match[1].replace(/, /g, '、') : match[1];
  return lang === 'zh-CN' ? `${ranges}（${formatDuration(ms, lang)}）` : `${ranges} (${formatDuration(ms, lang)})`;
}

/** Working hours as the API gives them (2.25) in the reader's language: 2小时15分 / 2 h 15 min. */
export const formatHours = (hours: number, lang: Lang): string => formatDuration(hours * 3_600_000, lang);
