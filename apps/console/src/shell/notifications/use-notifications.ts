import { useCallback, useEffect, useState } from 'react';
import { useEventStream, type StreamStatus } from '../../api/event-stream';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { fetchInbox, type Inbox, markAllRead, markRead, NOTIFICATION_EVENT, READ_ELSEWHERE, STREAM_PATH } from './notifications.api';

export interface Notifications {
  inbox: Inbox;
  error: string | null;
  status: StreamStatus;
  read(id: string): Promise<void>;
  readAll(): Promise<void>;
}

const EMPTY: Inbox = { total: 0, unread: 0, items: [] };

/**
 * My notifications for the shell's lifetime: loaded once, reloaded whenever the live stream
 * brings one (so the list is in the console's language and in the server's order: unread
 * first, then newest) and after marking read.
 */
export function useNotifications(): Notifications {
  const { api } = useSignedIn();
  const { lang } = useI18n();
  const [inbox, setInbox] = useState<Inbox>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    fetchInbox(api, lang)
      .then((next) => (setInbox(next), setError(null)))
      .catch((e: Error) => setError(e.message));
  }, [api, lang]);
  useEffect(reload, [reload]);
  useEffect(() => {
    window.addEventListener(READ_ELSEWHERE, reload);
    return () => window.removeEventListener(READ_ELSEWHERE, reload);
  }, [reload]);
  const status = useEventStream(api, STREAM_PATH, { [NOTIFICATION_EVENT]: reload });
  const read = useCallback(async (id: string) => {
    await markRead(api, id).catch(() => undefined);
    reload();
  }, [api, reload]);
  const readAll = useCallback(async () => {
    const newest = inbox.items.reduce((max, i) => Math.max(max, i.position), 0);
    await markAllRead(api, newest || undefined).catch(() => undefined);
    reload();
  }, [api, reload, inbox.items]);
  return { inbox, error, status, read, readAll };
}
