import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { Link } from '../../router/hash-router';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { complaintsApi, type ComplaintRow } from './complaints.api';
import { ClassBadge, labelOf, SlaBadges } from './complaint-labels';
import { useComplaintsT } from './complaints.messages';

const STATUSES = ['', 'received', 'open', 'notified', 'closed'] as const;

/** Newest receipt first; `minPosition` makes the list wait for the caller's own last write. */
export function ComplaintList({ selected, minPosition }: { selected?: string; minPosition?: number }) {
  const ct = useComplaintsT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [rows, setRows] = useState<ComplaintRow[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    complaintsApi
      .list(api, minPosition)
      .then((r) => live && (setRows(r.items), setError(null)))
      .catch((e) => live && setError(describeError(e, t)));
    return () => {
      live = false;
    };
  }, [api, minPosition, reload, t]);

  const shown = rows?.filter((r) => !status || r.status === status) ?? [];
  return (
    <section className="card complaint-list" aria-labelledby="complaint-list-title">
      <div className="card-header">
        <h2 id="complaint-list-title">{ct.t('listTitle')}</h2>
        <div className="toolbar">
          <label className="visually-hidden" htmlFor="complaint-status">
            {ct.t('filterStatus')}
          </label>
          <select id="complaint-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s ? labelOf(ct, 'status', s) : ct.t('all')}
              </option>
            ))}
          </select>
          <button type="button" className="button button-secondary" onClick={() => setReload((n) => n + 1)}>
            {ct.t('refresh')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {rows === null && !error ? <p className="muted">{ct.t('loading')}</p> : null}
      {rows && shown.length === 0 ? <p className="empty">{ct.t('empty')}</p> : null}
      <ul className="list-plain complaint-items">
        {shown.map((r) => (
          <li key={r.complaintId}>
            <Link to={featurePath('complaints', r.complaintId)} className="complaint-item" aria-current={r.complaintId === selected ? 'true' : undefined} data-complaint={r.complaintId}>
              <span className="complaint-item-top">
                <span className="complaint-item-company">{r.customerName ?? r.customerId}</span>
                <ClassBadge ct={ct} value={r.class} />
              </span>
              <span className="complaint-item-meta">
                {ct.t('received')} {formatInstant(r.receivedAt)} · {labelOf(ct, 'status', r.status)}
              </span>
              <span className="complaint-item-meta">
                {r.dueAt ? `${ct.t('due')} ${formatInstant(r.dueAt)}` : `${ct.t('received')} ${formatInstant(r.receivedAt)}`} <SlaBadges ct={ct} warned={r.warned} breached={r.breached} escalated={r.escalated} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
