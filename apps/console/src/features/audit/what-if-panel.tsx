import { ComplaintPolicy } from '@crm/complaints';
import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from '../users/field-check';
import { useWhatIfT, type WhatIfKey } from './what-if.messages';
import '../../components/onboarding.css';

type Policy = ComplaintPolicy;
interface Outcome {
  complaintId: string;
  class: string;
  receivedAt: string;
  handledAt: string;
  actual: { workingDays: number; due: string; late: boolean };
  whatIf: { workingDays: number; due: string; provisional: boolean; late: boolean };
  dueChanged: boolean;
  lateChanged: boolean;
}
interface Report {
  outcomes: Outcome[];
  skipped: Array<{ complaintId: string | null; reason: string }>;
  summary: { examined: number; dueChanged: number; lateChanged: number; newlyLate: number; noLongerLate: number };
}

const numberOf = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw));

/**
 * 假设复核 (POST /audit/what-if): the complaints closed in a period, re-run under the deadlines
 * typed here (the policy in force prefilled, checked with the domain's ComplaintPolicy) or their
 * own, on the calendar in use or the shipped one. Nothing is recorded.
 */
export function WhatIfPanel({ customerId }: { customerId?: string }) {
  const { t } = useWhatIfT();
  const { api } = useSignedIn();
  const [inForce, setInForce] = useState<Policy | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const own = { 'deadlines.general': t('generalRule'), 'deadlines.major': t('majorRule'), maxWorkingDays: t('maxRule') };
  const form = useRecordForm({ from: '', to: '', policy: 'custom', 'deadlines.general': '', 'deadlines.major': '', maxWorkingDays: '', calendar: 'current' }, { wording: adminWording(own) });

  useEffect(() => {
    api.get<{ policy: Policy }>('/complaint-policies/current').then((v) => {
      setInForce(v.policy);
      const p = v.policy;
      form.setValues((old) => ({ ...old, 'deadlines.general': String(p.deadlines.general), 'deadlines.major': String(p.deadlines.major), maxWorkingDays: String(p.maxWorkingDays) }));
    }, () => undefined);
    // filled once from the policy in force; typing afterwards is the auditor's
  }, [api]);

  async function submit() {
    if (!inForce) return;
    const from = form.value('from');
    const to = form.value('to');
    const custom = form.value('policy') === 'custom';
    const policy = {
      ...inForce, version: `${inForce.version}-what-if`,
      deadlines: { general: numberOf(form.value('deadlines.general')), major: numberOf(form.value('deadlines.major')) },
      maxWorkingDays: numberOf(form.value('maxWorkingDays')),
    };
    // the period is the form's own check; the deadlines are the domain's ComplaintPolicy, its words beside each number
    const period: Record<string, string> = {};
    if (!from) period.from = t('required');
    if (!to) period.to = t('required');
    if (from && to && to < from) period.to = t('toBeforeFrom');
    if (!form.check(ComplaintPolicy, custom ? policy : inForce, period)) return;
    const body = {
      from: `${from}T00:00:00+08:00`, to: `${to}T23:59:59+08:00`,
      ...(customerId ? { customerId } : {}), ...(custom ? { policy } : {}), calendar: { base: form.value('calendar') },
    };
    setReport(await form.send(() => api.post<Report>('/audit/what-if', body), (r) => t('summary', r.summary)));
  }

  return (
    <section className="card stack" aria-label={t('title')} data-testid="what-if">
      {!inForce ? <p className="muted">{t('loading')}</p> : (
        <RecordFormFrame title={t('title')} intro={`${t('intro')}${customerId ? ` ${t('forCustomer')}` : ''}`} onSubmit={() => void submit()}>
          <div className="form-row">
            <RecordField form={form} name="from" label={t('from')} kind="date" narrow />
            <RecordField form={form} name="to" label={t('to')} kind="date" narrow />
            <RecordField form={form} name="calendar" label={t('calendar')} kind="select" options={(['current', 'official'] as const).map((c) => ({ value: c, label: t(`calendar.${c}`) }))} />
          </div>
          <div className="form-row">
            <RecordField form={form} name="policy" label={t('policy')} kind="select" options={(['custom', 'own'] as const).map((p) => ({ value: p, label: t(`policy.${p}`) }))} />
            {form.value('policy') === 'custom' ? (
              <>
                <RecordField form={form} name="deadlines.general" label={t('general')} kind="number" narrow />
                <RecordField form={form} name="deadlines.major" label={t('major')} kind="number" narrow />
                <RecordField form={form} name="maxWorkingDays" label={t('max')} kind="number" narrow />
              </>
            ) : null}
          </div>
          <FormOutcome form={form} />
          <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('running') : t('run')}</button></div>
        </RecordFormFrame>
      )}
      {report ? <WhatIfResult report={report} /> : null}
    </section>
  );
}

function WhatIfResult({ report }: { report: Report }) {
  const { t } = useWhatIfT();
  const lateWord = (late: boolean) => (late ? t('late') : t('onTime'));
  return (
    <div className="stack" data-testid="what-if-result">
      {report.skipped.length > 0 ? <p className="hint">{t('skipped', { n: report.skipped.length })}</p> : null}
      {report.outcomes.length === 0 ? <p className="empty">{t('none')}</p> : (
        <table className="data-table" data-testid="what-if-table">
          <thead><tr><th scope="col">{t('received')}</th><th scope="col">{t('klass')}</th><th scope="col">{t('handled')}</th><th scope="col">{t('actualDue')}</th><th scope="col">{t('whatIfDue')}</th><th scope="col">{t('changed')}</th></tr></thead>
          <tbody>
            {report.outcomes.map((o) => (
              <tr key={o.complaintId} data-complaint={o.complaintId} data-late-changed={o.lateChanged ? 'yes' : 'no'}>
                <td>{formatInstant(o.receivedAt)}</td>
                <td>{t(`class.${o.class}` as WhatIfKey)}</td>
                <td>{formatInstant(o.handledAt)}</td>
                <td data-late={o.actual.late ? 'yes' : 'no'}>{t('days', { n: o.actual.workingDays, due: formatInstant(o.actual.due), late: lateWord(o.actual.late) })}</td>
                <td data-late={o.whatIf.late ? 'yes' : 'no'}>{t('days', { n: o.whatIf.workingDays, due: formatInstant(o.whatIf.due), late: lateWord(o.whatIf.late) })}{o.whatIf.provisional ? ` ${t('provisional')}` : null}</td>
                <td>{o.dueChanged || o.lateChanged ? <strong>{t('changedYes')}</strong> : t('changedNo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
