import { formatDuration } from '../../format/duration';
import { formatInstant } from '../../format/shanghai-time';
import { labelOf } from '../complaints/complaint-labels';
import { useComplaintsT } from '../complaints/complaints.messages';
import type { CustomerAsOf } from './audit.api';
import type { AuditT } from './audit.messages';

type Key = Parameters<AuditT['t']>[0];
const label = (at: AuditT, prefix: string, value: string) => at.t(`${prefix}.${value}` as Key) ?? value;

/** What the replay up to the moment says: archive, complaints with their SLA clocks, pending approvals. */
export function AsOfView({ at, answer }: { at: AuditT; answer: CustomerAsOf }) {
  const { archive, complaints } = answer;
  const ct = useComplaintsT();
  return (
    <div className="asof-view" data-testid="as-of" data-at={answer.at}>
      <p className="muted small">{at.t('basis', { events: answer.basis.events, streams: answer.basis.streams })}</p>
      <dl className="kv">
        <dt>{at.t('name')}</dt>
        <dd>{archive.name ?? '—'}</dd>
        <dt>{at.t('status')}</dt>
        <dd data-testid="as-of-status">
          <span className={`badge ${archive.status === 'open.active' ? 'badge-success' : archive.status === 'none' ? 'badge-muted' : 'badge-warning'}`}>{label(at, 'status', archive.status)}</span>
        </dd>
        <dt>{at.t('grade')}</dt>
        <dd>{archive.grade ?? '—'}</dd>
        <dt>{at.t('manager')}</dt>
        <dd>
          {archive.customerManagerId ?? '—'} · {archive.region ?? '—'}
        </dd>
        <dt>{at.t('openedAt')}</dt>
        <dd>{archive.openedAt ? formatInstant(archive.openedAt) : '—'}</dd>
        <dt>{at.t('documents')}</dt>
        <dd>
          <ul className="list-plain">
            {archive.documents.map((d) => (
              <li key={d.documentId}>
                {d.kind} {d.number} · {at.t('validUntil', { date: d.validUntil })} {d.expired ? <span className="badge badge-danger">{at.t('expired')}</span> : d.warned ? <span className="badge badge-warning">{at.t('warned')}</span> : null}
              </li>
            ))}
          </ul>
          <span className="muted small">{at.t('pickups', { n: archive.pickups.live, t: archive.pickups.tonnes })}</span>
        </dd>
        {answer.onboarding ? (
          <>
            <dt>{at.t('onboarding')}</dt>
            <dd className="mono small">{answer.onboarding.state}</dd>
          </>
        ) : null}
        <dt>{at.t('complaintsOpen')}</dt>
        <dd data-testid="as-of-complaints">
          {complaints.open.length === 0 ? <span className="muted">{at.t('noOpenComplaints')}</span> : null}
          <ul className="list-plain">
            {complaints.open.map((c) => (
              <li key={c.complaintId ?? c.state} className="asof-complaint">
                <div className="asof-complaint-top">
                  <strong>{labelOf(ct, 'state', c.state)}</strong>
                  {c.class ? <span className="badge badge-muted">{label(at, 'class', c.class)}</span> : null}
                  {c.breached ? <span className="badge badge-danger">{at.t('breached')}</span> : null}
                </div>
                <dl className="kv">
                  <dt>{at.t('clock')}</dt>
                  <dd>
                    {label(at, 'clock', c.clock)}
                    {c.workingTimeLeftMs !== null ? ` · ${at.t(c.workingTimeLeftMs < 0 ? 'overdueAt' : 'leftAt', { h: formatDuration(c.workingTimeLeftMs, at.lang) })}` : ''}
                  </dd>
                  {c.dueAt ? (
                    <>
                      <dt>{at.t('due')}</dt>
                      <dd>{formatInstant(c.dueAt)}</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
          {complaints.closed > 0 ? <span className="muted small">{at.t('complaintsClosed', { n: complaints.closed })}</span> : null}
        </dd>
        <dt>{at.t('pending')}</dt>
        <dd>
          {answer.pendingApprovals.length === 0 ? <span className="muted">{at.t('noPending')}</span> : null}
          <ul className="list-plain">
            {answer.pendingApprovals.map((p) => (
              <li key={`${p.streamId}-${p.kind}`}>
                {p.kind} · {p.awaiting}
                {p.since ? ` · ${formatInstant(p.since)}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </div>
  );
}
