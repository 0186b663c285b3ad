import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import { labelFor, percent, tonnes, useKeyAccountsT } from './key-accounts.messages';

interface Adjustment { previousTonnes: number; reason: string; by: string; at: string }
interface Line {
  customerId: string; salesObject: string; source: string; rank: number; score: number | null; completionRate: number | null; evenness: number | null; cooperation: number | null;
  demandTonnes: number; allocatedTonnes: number; adjustment: Adjustment | null;
}
type ProductLine = 'polyolefin' | 'other_chemicals';
const PRODUCT_LINES: readonly ProductLine[] = ['polyolefin', 'other_chemicals'];
interface Proposal {
  month: string; productLine: ProductLine; round: number; inForce: { round: number } | null; status: string; availableTonnes: number; demandTonnes: number; allocatedTonnes: number; shortfallTonnes: number;
  note: string | null; decidedBy: string | null; decidedAt: string | null; decisionText: string | null; lines: Line[];
}

/** This month in Beijing: allocations are proposed for the month they serve. */
const beijingMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);

/** R-ALLOC-1..3: a product line's latest proposal for the month, its lines in the order served (with manual adjustments); the general manager approves a draft. */
export function AllocationCard() {
  const { t } = useKeyAccountsT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const id = useId();
  const [month, setMonth] = useState(beijingMonth);
  const [line, setLine] = useState<ProductLine>('polyolefin');
  const [proposal, setProposal] = useState<Proposal | null | undefined>();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const mayApprove = hasAnyRole(session.user, ['general_manager']);
  const names = useNames([proposal?.decidedBy, ...(proposal?.lines.map((l) => l.adjustment?.by) ?? [])], proposal?.lines.map((l) => l.customerId) ?? []);
  // the month and product can change while a read is on its way: only the latest read may show
  const latestRead = useRef(0);

  const load = useCallback(async (minPosition?: number) => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    const read = ++latestRead.current;
    try {
      const found = await api.get<Proposal>(`/allocations/${month}/${line}`, { minPosition });
      if (read !== latestRead.current) return;
      setProposal(found);
      setError(null);
    } catch (e) {
      if (read !== latestRead.current) return;
      if (e instanceof ApiError && e.status === 404) { setProposal(null); setError(null); } else setError(describeError(e, gt));
    }
  }, [api, gt, month, line]);
  useEffect(() => void load(), [load]);

  async function approve(p: Proposal) {
    setBusy(true);
    setNotice(null);
    try {
      const answer = await api.post<{ position: number }>(`/allocations/${p.month}/${p.productLine}/approve`, { round: p.round, comment: comment.trim() || null });
      setNotice(t('approved', { n: p.round }));
      await load(answer.position);
    } catch (e) {
      setError(describeError(e, gt));
      await load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="allocation-title" data-testid="allocation">
      <div className="card-header">
        <h2 id="allocation-title">{t('allocationTitle')}</h2>
        {proposal ? <span className={`badge ${proposal.status === 'approved' ? 'badge-success' : proposal.status === 'draft' ? 'badge-warning' : 'badge-muted'}`} data-status={proposal.status}>{t('round', { n: proposal.round })} · {labelFor(t, 'status', proposal.status)}</span> : null}
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-month`}>{t('allocationMonth')}</label>
        <input id={`${id}-month`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-line`}>{t('allocationLine')}</label>
        <select id={`${id}-line`} value={line} onChange={(e) => setLine(e.target.value as ProductLine)}>
          {PRODUCT_LINES.map((p) => <option key={p} value={p}>{t(`line.${p}`)}</option>)}
        </select>
      </div>
      <ErrorAlert error={error} />
      {notice ? <p role="status" className="notice notice-success">{notice}</p> : null}
      {proposal === null ? <p className="empty">{t('allocationNone')}</p> : null}
      {proposal ? (
        <>
          <div className="stat-row">
            {([['available', proposal.availableTonnes], ['demand', proposal.demandTonnes], ['allocated', proposal.allocatedTonnes], ['shortfall', proposal.shortfallTonnes]] as const).map(([key, value]) => (
              <div key={key} className="stat"><div className="stat-label">{t(key)}</div><div className="stat-value">{tonnes(value)}</div></div>
            ))}
          </div>
          {proposal.note ? <p className="hint">{proposal.note}</p> : null}
          {proposal.inForce ? <p className="muted" data-testid="allocation-in-force">{t('inForce', { n: proposal.inForce.round })}</p> : null}
          <table className="data-table" data-testid="allocation-lines">
            <thead>
              <tr>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('salesObject')}</th>
                <th scope="col" className="num">{t('rank')}</th>
                <th scope="col" className="num">{t('completion')}</th>
                <th scope="col" className="num">{t('evenness')}</th>
                <th scope="col" className="num">{t('cooperation')}</th>
                <th scope="col" className="num">{t('demand')}</th>
                <th scope="col" className="num">{t('allocated')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.lines.map((l) => (
                <tr key={l.customerId} data-customer={l.customerId}>
                  <td><div>{customerLabel(names, l.customerId, lang)}</div><div className="muted small">{labelFor(t, 'source', l.source)}</div></td>
                  <td>{labelFor(t, 'object', l.salesObject)}</td>
                  <td className="num">{l.rank}</td>
                  <td className="num">{percent(l.completionRate)}</td>
                  <td className="num">{percent(l.evenness)}</td>
                  <td className="num">{percent(l.cooperation)}</td>
                  <td className="num">{tonnes(l.demandTonnes)}</td>
                  <td className="num">
                    {tonnes(l.allocatedTonnes)}
                    {l.adjustment ? <div className="muted small">{t('adjusted', { from: tonnes(l.adjustment.previousTonnes), reason: l.adjustment.reason, by: personLabel(names, l.adjustment.by, lang) })}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {proposal.decidedBy && proposal.decidedAt ? <p className="muted">{t('decided', { by: personLabel(names, proposal.decidedBy, lang), at: formatInstant(proposal.decidedAt), text: proposal.decisionText ?? '' })}</p> : null}
          {mayApprove && proposal.status === 'draft' ? (
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${id}-comment`}>{t('comment')}</label>
                <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
              </div>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void approve(proposal)}>{busy ? t('approving') : t('approve')}</button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
