import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { Link } from '../../router/hash-router';
import { ErrorAlert } from '../../shell/error-alert';
import { groupWord, useChannelsT } from '../channels/channels.messages';
import { type Attempt, notificationsApi, type OutboxItem } from './notifications-page.api';
import { type NotificationsKey, useNotificationsT } from './notifications.messages';

/** Who the API shows the outbox and its attempts to (GET /notifications). */
export const OUTBOX_ROLES = ['finance_reviewer', 'sales_reviewer', 'administrator', 'auditor'] as const;

/**
 * The notifications each event sent to the departments, in words (the API renders them as every
 * channel does), with their webhook delivery; one row's attempts open beneath the table.
 */
export function OutboxCard() {
  const { t } = useNotificationsT();
  const { t: ct } = useChannelsT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [shown, setShown] = useState<OutboxItem | null>(null);
  const full = hasAnyRole(session.user, ['administrator']);

  useEffect(() => {
    notificationsApi.outbox(api, lang).then((r) => { setItems([...r.items].reverse()); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, lang, gt]);

  return (
    <section className="card stack" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title" className="section-title">{t('outbox')}</h2>
      <p className="hint">{t('outboxIntro')}</p>
      <ErrorAlert error={error} />
      {!items ? (error ? null : <p className="muted">{t('loading')}</p>) : items.length === 0 ? <p className="empty">{t('outboxNone')}</p> : (
        <table className="data-table" data-testid="outbox-table">
          <thead><tr><th scope="col">{t('what')}</th><th scope="col">{t('company')}</th><th scope="col">{t('recipient')}</th><th scope="col">{t('delivery')}</th></tr></thead>
          <tbody>
            {items.map((n) => (
              <tr key={n.id} data-notification={n.id} data-recipient={n.recipient}>
                <td><Link to={n.message.link}>{n.message.title}</Link><br /><span className="hint">{formatInstant(n.occurredAt)}</span></td>
                <td>{n.message.company ?? '—'}</td>
                <td>{groupWord(n.recipient, ct)}</td>
                <td>
                  {t(`delivery.${n.delivery.status}` as NotificationsKey)}
                  {n.delivery.attempts > 0 ? <span className="hint"> {t('attemptsN', { n: n.delivery.attempts })}</span> : null}
                  <br />
                  <button type="button" className="button button-ghost button-small" aria-label={t('showAttemptsOf', { title: n.message.title, recipient: groupWord(n.recipient, ct) })} onClick={() => setShown(n)}>
                    {t('showAttempts')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown ? <AttemptsPanel key={shown.id} item={shown} full={full} recipient={groupWord(shown.recipient, ct)} onClose={() => setShown(null)} /> : null}
    </section>
  );
}

function AttemptsPanel({ item, full, recipient, onClose }: { item: OutboxItem; full: boolean; recipient: string; onClose(): void }) {
  const { t } = useNotificationsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [attempts, setAttempts] = useState<Attempt[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    notificationsApi.attempts(api, item.id).then((r) => setAttempts(r.attempts), (e) => setError(describeError(e, gt)));
  }, [api, item.id, gt]);
  const outcome = (a: Attempt) => a.outcome ?? (a.error === null || a.error === undefined ? 'delivered' : 'failed');
  return (
    <section className="card stack" aria-labelledby="attempts-title" data-testid="attempts">
      <h3 id="attempts-title" className="command-title">{t('attempts', { title: item.message.title, recipient })}</h3>
      <p className="hint">{t('attemptsIntro')}</p>
      <ErrorAlert error={error} />
      {!attempts ? (error ? null : <p className="muted">{t('loading')}</p>) : attempts.length === 0 ? <p className="empty">{t('attemptsNone')}</p> : (
        <table className="data-table" data-testid="attempts-table">
          <thead><tr><th scope="col">{t('attempt')}</th><th scope="col">{t('attemptedAt')}</th><th scope="col">{t('outcome')}</th>{full ? <><th scope="col">{t('statusCode')}</th><th scope="col">{t('error')}</th></> : null}</tr></thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.attempt} data-attempt={a.attempt}>
                <td>{t('attemptNo', { n: a.attempt })}</td>
                <td className="nowrap">{formatInstant(a.attemptedAt)}</td>
                <td>{t(`outcome.${outcome(a)}`)}</td>
                {full ? <><td>{a.statusCode ?? '—'}</td><td className="mono small">{a.error ?? '—'}</td></> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar"><button type="button" className="button button-secondary button-small" onClick={onClose}>{t('close')}</button></div>
    </section>
  );
}
