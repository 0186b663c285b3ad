import { EvaluateMonth } from '@crm/customers';
import { useId, useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { labelOr } from '../../../components/onboarding-labels';
import { formatInstant } from '../../../format/shanghai-time';
import { personLabel, useNames } from '../../record-kit/names';
import { useRecordForm } from '../../record-kit/use-record-form';
import { useCustomersT } from '../customers.messages';
import { RECORD_WORDING } from '../records/field-issues';
import { FormOutcome, RecordField, RecordFormFrame } from '../records/record-fields';
import { formatTonnes } from '../tonnage-chart';
import { useGradingT } from './grading.messages';
import { lastMonth } from './last-month';

interface ReportRow { customerId: string; name: string; region: string; month: string; tonnage: number | null; previousGrade: string | null; newGrade: string; cause: string; ruleId: string; at: string; position: number; decidedBy?: string | null }
interface Report { month: string; changes: ReportRow[]; reevaluations: ReportRow[] }
const ReportQuery = EvaluateMonth.strict();

/** R-TIER-4: a month's grade changes (GET /reports/grade-changes): company, from → to, the month's tonnage, who decided. */
export function GradeChangesReport() {
  const { t, lang } = useGradingT();
  const { t: ct } = useCustomersT();
  const { api } = useSignedIn();
  const id = useId();
  const form = useRecordForm({ month: lastMonth() }, { wording: RECORD_WORDING });
  const [report, setReport] = useState<Report | null>(null);
  const names = useNames(report?.changes.map((r) => r.decidedBy) ?? []);
  const grade = (g: string | null) => (g ? labelOr(ct, `grade.${g}`) : '—');

  async function submit() {
    const query = { month: form.value('month') };
    if (!form.check(ReportQuery, query)) return;
    const answer = await form.send(() => api.get<Report>('/reports/grade-changes', query), () => '');
    if (answer) setReport(answer);
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="grade-changes-report">
      <h2 id={`${id}-title`}>{t('reportTitle')}</h2>
      <RecordFormFrame title={t('show')} onSubmit={() => void submit()}>
        <div className="form-row">
          <RecordField form={form} name="month" label={t('reportMonth')} kind="month" narrow />
        </div>
        <div className="toolbar"><button type="submit" className="button button-secondary" disabled={form.busy}>{t('show')}</button></div>
        <FormOutcome form={form} />
      </RecordFormFrame>
      {report && report.changes.length === 0 ? <p className="empty">{t('reportNone', { month: report.month })}</p> : null}
      {report && report.changes.length > 0 ? (
        <table className="data-table" data-testid="grade-changes">
          <caption className="visually-hidden">{t('reportTitle')} {report.month}</caption>
          <thead>
            <tr>
              <th scope="col">{t('company')}</th><th scope="col">{t('region')}</th><th scope="col">{t('reportMonth')}</th><th scope="col">{t('change')}</th>
              <th scope="col">{t('tonnage')}</th><th scope="col">{t('cause')}</th><th scope="col">{t('decidedBy')}</th><th scope="col">{t('decidedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.map((r) => (
              <tr key={r.position} data-customer={r.customerId}>
                <th scope="row">{r.name}</th>
                <td>{r.region}</td>
                <td>{r.month}</td>
                <td>{grade(r.previousGrade)} → <strong>{grade(r.newGrade)}</strong></td>
                <td>{r.tonnage === null ? '—' : t('tonnes', { t: formatTonnes(r.tonnage) })}</td>
                <td>{labelOr(t, `cause.${r.cause}`)} <span className="muted small">{r.ruleId}</span></td>
                <td>{r.decidedBy ? personLabel(names, r.decidedBy, lang) : t('byPolicy')}</td>
                <td className="nowrap">{formatInstant(r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report && report.reevaluations.length > 0 ? (
        <>
          <h3>{t('reevaluationsTitle')}</h3>
          <ul data-testid="grade-reevaluations">
            {report.reevaluations.map((r) => (
              <li key={r.position}>{r.name} · {r.month} · {r.tonnage === null ? '—' : t('tonnes', { t: formatTonnes(r.tonnage) })} · {t('awardedRerun', { from: grade(r.previousGrade), to: grade(r.newGrade) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
