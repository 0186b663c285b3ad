import type { NotificationLanguage } from './user-notification-settings';

const BEIJING_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai keeps UTC+8 all year (no daylight saving)
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026年10月10日 10:00" (zh) or "10 Oct 2026, 10:00" (en), on Beijing's clock whatever the server's zone. */
export function beijingTime(iso: string, language: NotificationLanguage): string {
  const at = new Date(Date.parse(iso) + BEIJING_OFFSET_MS);
  if (Number.isNaN(at.getTime())) return iso;
  const hm = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  if (language === 'zh') return `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${hm}`;
  return `${at.getUTCDate()} ${MONTHS_EN[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${hm}`;
}
