import { formatInstant } from '../../format/shanghai-time';
import { Link } from '../../router/hash-router';
import { featurePath } from '../feature-catalogue';
import type { SlaAlert } from './sla.api';
import type { SlaT } from './sla-board.messages';
import type { LiveAlert } from './use-live-alerts';

/** Toasts for alerts that just arrived: an assertive live region, so a screen reader says them at once. */
export function AlertToasts({ st, alerts, onDismiss }: { st: SlaT; alerts: readonly LiveAlert[]; onDismiss(id: string): void }) {
  const shown = alerts.filter((a) => a.toast).slice(0, 3);
  return (
    <div className="toasts" role="alert" aria-live="assertive">
      {shown.map((a) => (
        <div key={a.id} className={`toast toast-${a.kind}`} data-testid="sla-toast" data-kind={a.kind} data-sound={a.sound}>
          <span className="toast-icon" aria-hidden="true">
            !
          </span>
          <span className="toast-text">{toastText(st, a)}</span>
          <button type="button" className="button button-ghost icon-button" aria-label={st.t('dismiss')} onClick={() => onDismiss(a.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

export function toastText(st: SlaT, a: SlaAlert): string {
  const params = { customer: a.customerName ?? a.customerId ?? '—', due: formatInstant(a.dueAt), to: a.escalatedTo ? st.t('escalatedToSupervisor') : '—' };
  return st.t(a.kind === 'breach' ? 'toastBreach' : 'toastWarning', params);
}

/** Alerts of this session (highlighted) above the earlier ones from the read model. */
export function AlertFeed({ st, live, earlier }: { st: SlaT; live: readonly LiveAlert[]; earlier: readonly SlaAlert[] }) {
  const liveIds = new Set(live.map((a) => a.id));
  const older = earlier.filter((a) => !liveIds.has(a.id));
  return (
    <section className="card" aria-labelledby="live-title">
      <h2 id="live-title">{st.t('liveTitle')}</h2>
      {live.length === 0 ? <p className="muted small">{st.t('liveEmpty')}</p> : null}
      <ol className="list-plain alert-list" data-testid="live-alerts">
        {live.map((a) => (
          <AlertLine key={a.id} st={st} alert={a} fresh />
        ))}
      </ol>
      {older.length > 0 ? (
        <>
          <h3 className="section-title alert-earlier">{st.t('earlier')}</h3>
          <ol className="list-plain alert-list">
            {older.map((a) => (
              <AlertLine key={a.id} st={st} alert={a} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function AlertLine({ st, alert, fresh = false }: { st: SlaT; alert: SlaAlert; fresh?: boolean }) {
  return (
    <li className={`alert-line alert-line-${alert.kind}${fresh ? ' alert-line-fresh' : ''}`} data-complaint={alert.complaintId} data-kind={alert.kind}>
      <span className={`badge ${alert.kind === 'breach' ? 'badge-danger' : 'badge-warning'}`}>{st.t(`kind.${alert.kind}`)}</span>
      <span>
        <Link to={featurePath('complaints', alert.complaintId)}>{alert.customerName ?? alert.customerId ?? '—'}</Link>{' '}
        · {st.t(`class.${alert.class}` as 'class.general')} · {st.t('due')} {formatInstant(alert.dueAt)}
      </span>
      <span className="muted small nowrap">{formatInstant(alert.at)}</span>
    </li>
  );
}
