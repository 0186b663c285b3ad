import type { ApiClient } from '../../api/api-client';
import type { Lang } from '../../i18n/i18n.context';
import type { Inbox } from '../../shell/notifications/notifications.api';

/** GET /me/notification-settings: the caller's own. */
export interface MySettings {
  username: string;
  email: string | null;
  language: 'zh' | 'en';
  channels: Array<'in_app' | 'email'>;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** One row of GET /notifications: an event's notification to one department, and its webhook delivery. */
export interface OutboxItem {
  id: string;
  type: string;
  recipient: string;
  position: number;
  occurredAt: string;
  message: { title: string; company: string | null; deadline: string | null; link: string };
  delivery: { status: 'not_sent' | 'pending' | 'delivered' | 'failed'; attempts: number; deliveredAt?: string | null };
}

/** GET /notifications/{id}/attempts: administrators get the status code and error, others when and whether. */
export interface Attempt {
  attempt: number;
  attemptedAt: string;
  outcome?: 'delivered' | 'failed';
  url?: string;
  statusCode?: number | null;
  error?: string | null;
}

const language = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');
const SETTINGS = '/me/notification-settings';

export const PAGE_SIZE = 20;

export const notificationsApi = {
  list: (api: ApiClient, lang: Lang, offset: number, unreadOnly: boolean) =>
    api.get<Inbox>('/me/notifications', { limit: PAGE_SIZE, offset, language: language(lang), ...(unreadOnly ? { unread: 'true' } : {}) }),
  unread: (api: ApiClient) => api.get<{ unread: number }>('/me/notifications/unread-count'),
  settings: (api: ApiClient) => api.get<MySettings>(SETTINGS),
  saveSettings: (api: ApiClient, body: { email: string | null; language: 'zh' | 'en' }) => api.put<MySettings>(SETTINGS, body),
  outbox: (api: ApiClient, lang: Lang) => api.get<{ items: OutboxItem[]; nextAfterPosition: number | null }>('/notifications', { limit: 200, language: language(lang) }),
  attempts: (api: ApiClient, id: string) => api.get<{ id: string; attempts: Attempt[] }>(`/notifications/${encodeURIComponent(id)}/attempts`),
};
