import type { ApiClient } from '../../api/api-client';
import type { Lang } from '../../i18n/i18n.context';

/** One of my notifications, as GET /me/notifications and the stream send it. */
export interface InboxItem {
  id: string;
  type: string;
  position: number;
  occurredAt: string;
  read: boolean;
  title: string;
  company: string | null;
  step: string | null;
  /** already in Beijing time, in the message's language */
  deadline: string | null;
  detail: string | null;
  /** the console path to open */
  link: string;
}

export interface Inbox {
  total: number;
  unread: number;
  items: InboxItem[];
}

/** The SSE event name of one notification on /me/notifications/stream. */
export const NOTIFICATION_EVENT = 'Notification';
export const STREAM_PATH = '/me/notifications/stream';
/** A window event: a screen other than the bell marked notifications read, so the bell reads its count again. */
export const READ_ELSEWHERE = 'crm:notifications-read';

const apiLanguage = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');

export const fetchInbox = (api: ApiClient, lang: Lang, limit = 20) => api.get<Inbox>('/me/notifications', { limit, language: apiLanguage(lang) });
export const markRead = (api: ApiClient, id: string) => api.post<{ unread: number }>(`/me/notifications/${encodeURIComponent(id)}/read`, {});
export const markAllRead = (api: ApiClient, upToPosition?: number) => api.post<{ unread: number }>('/me/notifications/read-all', upToPosition === undefined ? {} : { upToPosition });
