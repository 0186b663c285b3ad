import { useEffect, useState } from 'react';
import { ApiError } from '../../api/problem';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { hasAnyRole, type Role } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { WorkingCountdown } from '../../components/working-countdown';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { Link } from '../../router/hash-router';
import { ErrorAlert } from '../../shell/error-alert';
import { ClassBadge, labelOf } from '../complaints/complaint-labels';
import { complaintsApi, type ComplaintRow, type ComplaintSla } from '../complaints/complaints.api';
import { useComplaintsT } from '../complaints/complaints.messages';
import { featurePath, findFeature } from '../feature-catalogue';
import { type CustomersT, useCustomersT } from './customers.messages';

/**
 * Who may read `GET /complaints` (apps/api/src/complaints/complaint-queries.controller.ts). Finance
 * reviewers and administrators see customers but not complaints: they get a note, not a 403.
 */
const COMPLAINT_READERS: readonly Role[] = ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'];
/** The newest complaints shown; a customer with more is a case for the complaints page's list. */
const SHOWN = 50;
/** Working time left is read again this often, so the countdown keeps to the service's clock. */
const POLL_MS = 15_000;

interface Loaded {
  rows: ComplaintRow[];
  /** the SLA of each complaint whose clock may be running, by id */
  slas: Map<string, ComplaintSla>;
  sampledAt: number;
}

/** A customer's complaints on its archive: status, class, receipt, due and working time left or breached. */
export function CustomerComplaints({ customerId }: { customerId: string }) {
  const { t } = useCustomersT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const readable = hasAnyRole(session.user, COMPLAINT_READERS);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refused, setRefused] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    if (!readable) return;
    let live = true;
    const load = async () => {
      const { items } = await complaintsApi.forCustomer(api, customerId, SHOWN);
      // the list has the due time; working time left comes only from the complaint itself
      const running = items.filter((r) => r.status === 'open' && r.dueAt);
      const details = await Promise.all(running.map((r) => complaintsApi.get(api, r.complaintId)));
      const slas = new Map(details.flatMap((d) => (d.sla ? [[d.id, d.sla] as const] : [])));
      if (!live) return;
      setLoaded({ rows: items, slas, sampledAt: performance.now() });
      setError(null);
    };
    const fail = (e: unknown) => {
      if (!live) return;
      if (e instanceof ApiError && e.status === 403) setRefused(true);
      else setError(describeError(e, gt));
    };
    load().catch(fail);
    const timer = window.setInterval(() => load().catch(fail), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, customerId, readable, gt]);

  return (
    <section className="card card-flush" aria-labelledby="complaints-title" data-testid="customer-complaints">
      <div className="card-header">
        <h2 id="complaints-title">{t('complaints')}</h2>
        {loaded && loaded.rows.length >= SHOWN ? <span className="muted small">{t('complaintsShown', { n: SHOWN })}</span> : null}
      </div>
      {!readable || refused ? <p className="notice card-note" role="note">{t('complaintsNotReadable')}</p> : null}
      {readable && !refused ? <ComplaintsBody loaded={loaded} error={error} t={t} /> : null}
    </section>
  );
}

function ComplaintsBody({ loaded, error, t }: { loaded: Loaded | null; error: ErrorDescription | null; t: CustomersT }) {
  const ct = useComplaintsT();
  const { session } = useSignedIn();
  const complaintsPage = findFeature('complaints');
  const canOpen = complaintsPage !== undefined && hasAnyRole(session.user, complaintsPage.roles);
  if (!loaded) return error ? <div className="card-note"><ErrorAlert error={error} /></div> : <p className="muted card-note">{t('complaintsLoading')}</p>;
  if (loaded.rows.length === 0) return <p className="muted card-note">{t('complaintsNone')}</p>;
  return (
    <>
      <ErrorAlert error={error} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('complaintReceived')}</th>
            <th scope="col">{t('complaintStatus')}</th>
            <th scope="col">{t('complaintClass')}</th>
            <th scope="col">{t('complaintDue')}</th>
            <th scope="col">{t('complaintLeft')}</th>
          </tr>
        </thead>
        <tbody>
          {loaded.rows.map((r) => {
            const sla = loaded.slas.get(r.complaintId);
            return (
              <tr key={r.complaintId} data-complaint={r.complaintId} data-status={r.status} data-breached={r.breached}>
                {/* the complaint by when it came in: its id means nothing to the reader */}
                <th scope="row" className="nowrap">{canOpen ? <Link to={featurePath('complaints', r.complaintId)}>{formatInstant(r.receivedAt)}</Link> : formatInstant(r.receivedAt)}</th>
                <td className="nowrap">{labelOf(ct, 'status', r.status)}</td>
                <td className="nowrap"><ClassBadge ct={ct} value={r.class} /></td>
                <td className="nowrap">{r.dueAt ? formatInstant(r.dueAt) : '—'}</td>
                <td>
                  {r.breached ? <span className="badge badge-danger">{t('complaintBreached')}</span> : r.warned ? <span className="badge badge-warning">{t('complaintWarned')}</span> : null}{' '}
                  <TimeLeft row={r} sla={sla} sampledAt={loaded.sampledAt} t={t} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function TimeLeft({ row, sla, sampledAt, t }: { row: ComplaintRow; sla: ComplaintSla | undefined; sampledAt: number; t: CustomersT }) {
  if (!row.dueAt) return <span className="muted small">{t('complaintUnclassified')}</span>;
  if (row.status !== 'open') return <span className="muted small">{t('complaintClockStopped')}</span>;
  if (!sla) return null;
  return <WorkingCountdown leftMs={sla.clockRunning ? sla.workingTimeLeftMs : null} serverNow={sla.now} sampledAt={sampledAt} maxAheadMs={POLL_MS + 3000} compact />;
}
