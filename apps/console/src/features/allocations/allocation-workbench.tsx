import { useCallback, useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { labelFor, percent, tonnes, useKeyAccountsT } from '../key-accounts/key-accounts.messages';
import { mayDecide, useMyTasks } from '../record-kit/my-tasks';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import { AdjustForm } from './adjust-form';
import { allocationInstance, beijingMonth, PRODUCT_LINES, type ProductLine, type Proposal } from './allocation-view';
import { useAllocationsT } from './allocations.messages';
import { DecisionForm } from './decision-form';
import { ProposeForm } from './propose-form';

/** R-ALLOC-1..3: pick a month and product line; the sales department proposes and adjusts, the general manager decides when the step is theirs. */
export function AllocationWorkbench({ initialMonth }: { initialMonth?: string }) {
  const { t, lang } = useAllocationsT();
  const { t: kt } = useKeyAccountsT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const id = useId();
  const [month, setMonth] = useState(initialMonth ?? beijingMonth());
  const [line, setLine] = useState<ProductLine>('polyolefin');
  const [proposal, setProposal] = useState<Proposal | null | undefined>();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>();
  const [formKey, setFormKey] = useState(0);
  // the form that succeeded goes away with the state it changed: its note stays here
  const [notice, setNotice] = useState<string | null>(null);
  const isSales = hasAnyRole(session.user, ['sales_reviewer']);
  const { tasks } = useMyTasks(['resource-allocation.approve'], position);
  const names = useNames(
    [proposal?.decidedBy, ...(proposal?.lines.map((l) => l.adjustment?.by) ?? [])],
    proposal?.lines.map((l) => l.customerId) ?? [],
  );
  const customerName = (customerId: string) => customerLabel(names, customerId, lang);

  const load = useCallback(async (minPosition?: number) => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    try {
      setProposal(await api.get<Proposal>(`/allocations/${month}/${line}`, { minPosition }));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { setProposal(null); setError(null); } else setError(describeError(e, gt));
    }
  }, [api, gt, month, line]);
  useEffect(() => void load(position), [load, position]);
  const changed = (at: number, note: string) => { setPosition(at); setFormKey((k) => k + 1); setNotice(note); };

  const instance = allocationInstance(line, month);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="allocation-workbench">
      <div className="card-header">
        <h2 id={`${id}-title`}>{kt('allocationTitle')}</h2>
        {proposal ? <span className={`badge ${proposal.status === 'approved' ? 'badge-success' : proposal.status === 'draft' ? 'badge-warning' : 'badge-muted'}`} data-status={proposal.status}>{kt('round', { n: proposal.round })} · {labelFor(kt, 'status', proposal.status)}</span> : null}
      </div>
      <div className="form-row">
        <div className="field field-narrow">
          <label htmlFor={`${id}-month`}>{t('month')}</label>
          <input id={`${id}-month`} type="month" value={month} onChange={(e) => { setMonth(e.target.value); setNotice(null); }} />
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${id}-line`}>{t('line')}</label>
          <select id={`${id}-line`} value={line} onChange={(e) => { setLine(e.target.value as ProductLine); setNotice(null); }}>
            {PRODUCT_LINES.map((p) => <option key={p} value={p}>{t(`line.${p}`)}</option>)}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      {notice ? <p role="status" className="alert alert-success" data-testid="allocation-notice">{notice}</p> : null}
      {proposal === null ? <p className="empty">{t('none')}</p> : null}
      {proposal ? (
        <>
          <div className="stat-row">
            {([['available', proposal.availableTonnes], ['demand', proposal.demandTonnes], ['allocated', proposal.allocatedTonnes], ['shortfall', proposal.shortfallTonnes]] as const).map(([key, value]) => (
              <div key={key} className="stat"><div className="stat-label">{kt(key)}</div><div className="stat-value">{tonnes(value)}</div></div>
            ))}
          </div>
          {proposal.note ? <p className="hint">{proposal.note}</p> : null}
          {proposal.inForce ? <p className="muted" data-testid="allocation-in-force">{kt('inForce', { n: proposal.inForce.round })}</p> : null}
          <div className="table-wrap">
            <table className="data-table" data-testid="allocation-lines">
              <caption className="visually-hidden">{t('lines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{kt('customer')}</th>
                  <th scope="col">{kt('salesObject')}</th>
                  <th scope="col" className="num">{kt('rank')}</th>
                  <th scope="col" className="num">{kt('completion')}</th>
                  <th scope="col" className="num">{kt('evenness')}</th>
                  <th scope="col" className="num">{kt('cooperation')}</th>
                  <th scope="col" className="num">{kt('demand')}</th>
                  <th scope="col" className="num">{kt('allocated')}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.lines.map((l) => (
                  <tr key={l.customerId} data-customer={l.customerId}>
                    <td><div>{customerName(l.customerId)}</div><div className="muted small">{labelFor(kt, 'source', l.source)}</div></td>
                    <td>{labelFor(kt, 'object', l.salesObject)}</td>
                    <td className="num">{l.rank}</td>
                    <td className="num">{percent(l.completionRate)}</td>
                    <td className="num">{percent(l.evenness)}</td>
                    <td className="num">{percent(l.cooperation)}</td>
                    <td className="num">{tonnes(l.demandTonnes)}</td>
                    <td className="num">
                      {tonnes(l.allocatedTonnes)}
                      {l.adjustment ? <div className="muted small">{t('adjustedBy', { from: tonnes(l.adjustment.previousTonnes), reason: l.adjustment.reason, by: personLabel(names, l.adjustment.by, lang) })}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {proposal.decidedBy && proposal.decidedAt ? (
            <p className="muted" data-testid="allocation-decided">{t('decided', { by: personLabel(names, proposal.decidedBy, lang), at: formatInstant(proposal.decidedAt), text: proposal.decisionText ? `：${proposal.decisionText}` : '' })}</p>
          ) : null}
          {proposal.status === 'draft' && !mayDecide(tasks, instance, 'ApproveAllocation') ? <p className="hint">{t('waitingGm')}</p> : null}
          {proposal.status === 'draft' && mayDecide(tasks, instance, 'ApproveAllocation') ? <DecisionForm key={`d${formKey}`} proposal={proposal} onDecided={changed} /> : null}
          {proposal.status === 'draft' && isSales && proposal.lines.length > 0 ? <AdjustForm key={`a${formKey}`} proposal={proposal} customerName={customerName} onAdjusted={changed} /> : null}
        </>
      ) : null}
      {isSales && proposal !== undefined && proposal?.status !== 'draft' ? <ProposeForm key={`p${formKey}-${month}-${line}`} month={month} line={line} again={!!proposal} onProposed={changed} /> : null}
    </section>
  );
}
