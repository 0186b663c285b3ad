import { useEffect, useRef, useState } from 'react';
import { Link, navigate } from '../../router/hash-router';
import { useNotificationT } from './notification.messages';
import type { InboxItem } from './notifications.api';
import { useNotifications } from './use-notifications';

/** The bell in the top bar: the unread count, and the notification centre it opens. */
export function NotificationBell() {
  const { t } = useNotificationT();
  const { inbox, error, status, read, readAll } = useNotifications();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (e: KeyboardEvent | MouseEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', close);
    window.addEventListener('mousedown', close);
    return () => (window.removeEventListener('keydown', close), window.removeEventListener('mousedown', close));
  }, [open]);
  const label = inbox.unread > 0 ? t('bellUnread', { count: inbox.unread }) : t('bell');
  const openItem = async (item: InboxItem) => {
    setOpen(false);
    if (!item.read) await read(item.id);
    navigate(item.link);
  };
  return (
    <div className="bell" ref={root} data-stream={status}>
      <button type="button" className="button button-ghost icon-button bell-button" aria-label={label} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="bell">
        <BellIcon />
        {inbox.unread > 0 && <span className="bell-count" data-testid="bell-count">{inbox.unread > 99 ? '99+' : inbox.unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" role="dialog" aria-label={t('title')}>
          <div className="bell-head">
            <h2>{t('title')}</h2>
            <button type="button" className="button button-ghost small" onClick={() => void readAll()} disabled={inbox.unread === 0}>
              {t('readAll')}
            </button>
          </div>
          {error && <p className="muted small" role="alert">{t('failed', { message: error })}</p>}
          {inbox.items.length === 0 ? <p className="muted">{t('empty')}</p> : <NotificationList items={inbox.items} onOpen={openItem} />}
          <p className="small"><Link to="/notifications" onClick={() => setOpen(false)} data-testid="bell-all">{t('all')}</Link></p>
          <p className="muted small bell-status">{status === 'open' ? t('live') : t('offline')}</p>
        </div>
      )}
    </div>
  );
}

function NotificationList({ items, onOpen }: { items: InboxItem[]; onOpen: (item: InboxItem) => void }) {
  const { t } = useNotificationT();
  return (
    <ul className="bell-list">
      {items.map((item) => (
        <li key={item.id} className={item.read ? 'bell-item' : 'bell-item bell-item-unread'} data-notification={item.id}>
          <button type="button" className="bell-item-button" onClick={() => onOpen(item)}>
            <span className="bell-item-title">
              {!item.read && <span className="visually-hidden">{t('unread')} </span>}
              {item.title}
            </span>
            {item.company && <span className="bell-item-meta">{item.company}</span>}
            {item.deadline && <span className="bell-item-meta">{t('due', { deadline: item.deadline })}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A bell drawn, not an emoji: the machines the console runs on need not have an emoji font. */
function BellIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
