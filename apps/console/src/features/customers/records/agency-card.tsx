import { addMonths, IssueAgencyLicence, shanghaiDate } from '@crm/customers';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../../api/describe-error';
import { ApiError } from '../../../api/problem';
import { useSignedIn } from '../../../auth/session.context';
import { formatInstant } from '../../../format/shanghai-time';
import { useI18n } from '../../../i18n/i18n.context';
import { ErrorAlert } from '../../../shell/error-alert';
import { formatTonnes } from '../tonnage-chart';
import { SalesPlanForm } from './sales-plan-form';
import { FormOutcome, RecordField, RecordFormFrame } from './record-fields';
import { mayIssue, numberOf } from './record-roles';
import { useRecordsT } from './records.messages';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { RECORD_WORDING } from './field-issues';

/** GET /customers/:id/sales-plans/:month (apps/api/src/customers/sales-plan.controller.ts). */
interface PlanView {
  month: string; revision: number; filedAt: string;
  adherence: { plannedTonnes: number; actualTonnes: number; completionRate: number | null; outsideWindowsTonnes: number; lines: Array<{ customer: string; quantity: number; pickupWindow: { from: string; to: string }; pickedInWindowTonnes: number }> };
}

export const nextMonth = (): string => addMonths(shanghaiDate(new Date().toISOString()).slice(0, 7), 1);

/** R-TIER-7, for an exclusive agent: its monthly plan against what it picked up, the plan's filing, and the year's licence. */
export function AgencyCard({ customerId, minPosition, onDone }: { customerId: string; minPosition?: number; onDone(position: number): void }) {
  const { t } = useRecordsT();
  const { session } = useSignedIn();
  const [month, setMonth] = useState(nextMonth);
  const [shown, setShown] = useState(month);
  const filed = (position: number, filedMonth: string) => { setMonth(filedMonth); setShown(filedMonth); onDone(position); };
  return (
    <section className="card" aria-labelledby="agency-title" data-testid="customer-agency">
      <div className="card-header"><h2 id="agency-title">{t('agency')}</h2></div>
      <p className="hint">{t('agencyIntro')}</p>
      <form className="form-row" aria-label={t('planMonth')} onSubmit={(e) => { e.preventDefault(); setShown(month); }}>
        <div className="field"><label htmlFor="plan-month">{t('planMonth')}</label><input id="plan-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} /></div>
        <button type="submit" className="button button-secondary">{t('planView')}</button>
      </form>
      {shown ? <PlanAdherence customerId={customerId} month={shown} version={minPosition} /> : null}
      {mayIssue(session.user, 'FileSalesPlan') ? <SalesPlanForm customerId={customerId} initialMonth={nextMonth()} onFiled={filed} /> : null}
      {mayIssue(session.user, 'IssueAgencyLicence') ? <LicenceForm customerId={customerId} onIssued={onDone} /> : null}
    </section>
  );
}

function PlanAdherence({ customerId, month, version }: { customerId: string; month: string; version?: number }) {
  const { t } = useRecordsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [plan, setPlan] = useState<PlanView | null | 'none'>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const load = useCallback(() => {
    api.get<PlanView>(`/customers/${encodeURIComponent(customerId)}/sales-plans/${encodeURIComponent(month)}`).then(
      (p) => { setPlan(p); setError(null); },
      (e) => { if (e instanceof ApiError && e.status === 404) { setPlan('none'); setError(null); } else setError(describeError(e, gt)); },
    );
  }, [api, customerId, month, gt]);
  useEffect(load, [load, version]);
  if (error) return <ErrorAlert error={error} />;
  if (plan === null) return null;
  if (plan === 'none') return <p className="empty" data-testid="sales-plan">{t('planNone', { month })}</p>;
  const a = plan.adherence;
  const rate = a.completionRate === null ? '—' : `${Math.round(a.completionRate * 1000) / 10}%`;
  return (
    <div data-testid="sales-plan">
      <h3 className="command-title">{t('planFiled', { month: plan.month, revision: plan.revision, at: formatInstant(plan.filedAt) })}</h3>
      <p>{t('planned', { t: formatTonnes(a.plannedTonnes) })} · {t('actual', { t: formatTonnes(a.actualTonnes) })} · {t('completion', { rate })} · {t('outside', { t: formatTonnes(a.outsideWindowsTonnes) })}</p>
      <table className="data-table">
        <thead><tr><th scope="col">{t('planCustomer')}</th><th scope="col" className="num">{t('planQuantity')}</th><th scope="col">{t('window')}</th><th scope="col" className="num">{t('pickedInWindow')}</th></tr></thead>
        <tbody>
          {a.lines.map((l, i) => (
            <tr key={i}><td>{l.customer}</td><td className="num">{formatTonnes(l.quantity)}</td><td className="nowrap">{l.pickupWindow.from} ~ {l.pickupWindow.to}</td><td className="num">{formatTonnes(l.pickedInWindowTonnes)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LicenceForm({ customerId, onIssued }: { customerId: string; onIssued(position: number): void }) {
  const { t } = useRecordsT();
  const { api } = useSignedIn();
  const form = useRecordForm({ year: String(new Date().getFullYear()), licenceNumber: '' }, { wording: RECORD_WORDING, draft: `customer/${customerId}/agency-licence` });
  async function submit() {
    const body = { year: numberOf(form.values.year), licenceNumber: form.values.licenceNumber.trim() };
    if (!form.check(IssueAgencyLicence, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customerId)}/agency-licences`, body), () => t('licenceIssued', { year: String(body.year), number: body.licenceNumber }));
    if (answer) onIssued(answer.position);
  }
  return (
    <RecordFormFrame title={t('issueLicence')} intro={t('issueLicenceIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="year" label={t('licenceYear')} kind="number" step="1" narrow />
        <RecordField form={form} name="licenceNumber" label={t('licenceNumber')} />
      </div>
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('issueLicence')}</button></div>
    </RecordFormFrame>
  );
}
