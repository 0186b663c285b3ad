import { WorkingCountdown } from '../../components/working-countdown';
import { formatInstant } from '../../format/shanghai-time';
import { Link } from '../../router/hash-router';
import { featurePath } from '../feature-catalogue';
import type { SlaBoard } from './sla.api';
import type { SlaT } from './sla-board.messages';

const classKey = (c: string | null) => `class.${c ?? 'general'}` as 'class.general';

/** Open complaints, least working time left first; a row just alerted is highlighted. */
export function BoardTable({ st, board, sampledAt, flashed, pollMs }: { st: SlaT; board: SlaBoard; sampledAt: number; flashed: ReadonlySet<string>; pollMs: number }) {
  return (
    <section className="card" aria-labelledby="board-title">
      <div className="card-header">
        <h2 id="board-title">{st.t('boardTitle')}</h2>
        <span className="muted small">{st.t('asOf', { now: formatInstant(board.now) })}</span>
      </div>
      {board.open.length === 0 ? <p className="empty">{st.t('boardEmpty')}</p> : null}
      {board.open.length > 0 ? (
        <div className="table-wrap">
          <table className="table board-table" data-testid="sla-board">
            <thead>
              <tr>
                <th scope="col">{st.t('customer')}</th>
                <th scope="col">{st.t('received')}</th>
                <th scope="col">{st.t('class')}</th>
                <th scope="col">{st.t('due')}</th>
                <th scope="col">{st.t('left')}</th>
                <th scope="col">{st.t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {board.open.map((r) => (
                <tr key={r.complaintId} data-complaint={r.complaintId} className={[r.breached ? 'row-breached' : r.warned ? 'row-warned' : '', flashed.has(r.complaintId) ? 'row-flash' : ''].join(' ')}>
                  <th scope="row" className="board-company">
                    <Link to={featurePath('complaints', r.complaintId)}>{r.customerName ?? r.customerId}</Link>
                  </th>
                  <td className="nowrap">{formatInstant(r.receivedAt)}</td>
                  <td className="nowrap">{st.t(classKey(r.class))}</td>
                  <td className="nowrap">{r.dueAt ? formatInstant(r.dueAt) : '—'}</td>
                  <td>
                    <WorkingCountdown leftMs={r.workingTimeLeftMs} serverNow={board.now} sampledAt={sampledAt} maxAheadMs={pollMs + 3000} compact />
                  </td>
                  <td>
                    {r.breached ? <span className="badge badge-danger">{st.t('kind.breach')}</span> : r.warned ? <span className="badge badge-warning">{st.t('kind.warning')}</span> : <span className="badge badge-success">{st.t('ok')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function BreachedList({ st, board }: { st: SlaT; board: SlaBoard }) {
  return (
    <section className="card" aria-labelledby="breached-title">
      <h2 id="breached-title">{st.t('breachedTitle')}</h2>
      {board.breached.length === 0 ? <p className="muted small">{st.t('breachedEmpty')}</p> : null}
      <ul className="list-plain alert-list" data-testid="breached-list">
        {board.breached.map((r) => (
          <li key={r.complaintId} className="alert-line" data-complaint={r.complaintId}>
            <Link to={featurePath('complaints', r.complaintId)}>{r.customerName ?? r.customerId}</Link>
            <span>
              {st.t(classKey(r.class))} · {st.t('received')} {formatInstant(r.receivedAt)}
            </span>
            <span className="muted small nowrap">
              {st.t('lastBreach')} {formatInstant(r.lastBreachAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
