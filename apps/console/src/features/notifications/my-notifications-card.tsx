import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { navigate } from '../../router/hash-router';
import { ErrorAlert } from '../../shell/error-alert';
import { type Inbox, type InboxItem, markAllRead, markRead, READ_ELSEWHERE } from '../../shell/notifications/notifications.api';
import { notificationsApi, PAGE_SIZE } from './notifications-page.api';
import { useNotificationsT } from './notifications.messages';

/**
 * Every one of my notifications, a page at a time (unread first, then newest), read or unread;
 * opening one marks it read and goes to its task or record. The unread count is the bell's.
 */
export function MyNotificationsCard() {
  const { t } = useNotificationsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [unread, setUnread] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const changed = () => window.dispatchEvent(new Event(READ_ELSEWHERE)); // the bell's count follows
  const load = useCallback(() => {
    Promise.all([notificationsApi.list(api, lang, offset, unreadOnly), notificationsApi.unread(api)]).then(
      ([page, count]) => { setInbox(page); setUnread(count.unread); setError(null); },
      (e) => setError(describeError(e, gt)),
    );
  }, [api, lang, offset, unreadOnly, gt]);
  useEffect(load, [load]);

  async function open(item: InboxItem) {
    if (!item.read) await markRead(api, item.id).then(changed, () => undefined);
    navigate(item.link);
  }
  async function read(item: InboxItem) {
    try {
      await markRead(api, item.id);
      changed();
      setNote(t('marked'));
      load();
    } catch (e) { setError(describeError(e, gt)); }
  }
  async function readAll() {
    const newest = (inbox?.items ?? []).reduce((max, i) => Math.max(max, i.position), 0);
    try {
      await markAllRead(api, newest || undefined);
      changed();
      setNote(t('marked'));
      load();
    } catch (e) { setError(describeError(e, gt)); }
  }

  const total = inbox?.total ?? 0;
  return (
    <section className="card stack" aria-labelledby="my-notifications-title" data-testid="my-notifications">
      <div className="toolbar">
        <h2 id="my-notifications-title" className="section-title">{t('mine')}</h2>
        <span className="badge" data-testid="unread-count">{unread === null ? t('loading') : unread > 0 ? t('unreadCount', { count: unread }) : t('noneUnread')}</span>
      </div>
      <div className="toolbar">
        <label className="checkbox"><input type="checkbox" checked={unreadOnly} onChange={(e) => { setOffset(0); setUnreadOnly(e.target.checked); }} /> {t('onlyUnread')}</label>
        <button type="button" className="button button-secondary button-small" disabled={!unread} onClick={() => void readAll()}>{t('readAll')}</button>
      </div>
      <ErrorAlert error={error} />
      {note ? <p className="alert alert-success" role="status">{note}</p> : null}
      {!inbox ? (error ? null : <p className="muted">{t('loading')}</p>) : inbox.items.length === 0 ? <p className="empty">{t('empty')}</p> : (
        <table className="data-table" data-testid="my-notifications-table">
          <thead><tr><th scope="col">{t('what')}</th><th scope="col">{t('company')}</th><th scope="col">{t('due')}</th><th scope="col">{t('when')}</th><th scope="col"><span className="visually-hidden">{t('open')}</span></th></tr></thead>
          <tbody>
            {inbox.items.map((item) => (
              <tr key={item.id} data-notification={item.id} data-read={item.read ? 'yes' : 'no'}>
                <td>
                  {item.read ? <span className="badge">{t('read')}</span> : <span className="badge badge-primary">{t('unread')}</span>} {item.title}
                  {item.detail ? <span className="hint"> {item.detail}</span> : null}
                </td>
                <td>{item.company ?? '—'}</td>
                <td>{item.deadline ?? '—'}</td>
                <td>{formatInstant(item.occurredAt)}</td>
                <td>
                  <button type="button" className="button button-ghost button-small" aria-label={t('openTitle', { title: item.title })} onClick={() => void open(item)}>{t('open')}</button>
                  {!item.read ? <button type="button" className="button button-ghost button-small" onClick={() => void read(item)}>{t('markRead')}</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE_SIZE ? (
        <div className="toolbar">
          <button type="button" className="button button-secondary button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{t('previous')}</button>
          <span className="hint">{t('page', { from: offset + 1, to: Math.min(total, offset + PAGE_SIZE), total })}</span>
          <button type="button" className="button button-secondary button-small" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>{t('next')}</button>
        </div>
      ) : null}
    </section>
  );
}
