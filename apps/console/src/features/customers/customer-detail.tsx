import { companyCodeOf } from '@crm/customers';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { CustomerComplaints } from './customer-complaints';
import { CustomerDisqualification, ProposeDisqualificationForm } from './customer-disqualification';
import { CustomerDocuments } from './customer-documents';
import { CustomerGrading } from './grading/customer-grading';
import { DocumentsAndIdentity } from './documents/documents-and-identity';
import { CustomerRegistrations } from './customer-registrations';
import { type CustomerDetail as Detail, type CustomersT, type GradeFact, personName, useCustomersT } from './customers.messages';
import { CustomerRecords } from './records/customer-records';
import { GradeChart } from './grade-chart';
import { formatTonnes, TonnageChart } from './tonnage-chart';
import { GradeBadge, StatusBadge } from './customer-badges';

/** One customer's archive: status, class, documents, complaints, grade history (chart and table), tonnage. */
export function CustomerDetail({ id }: { id: string }) {
  const { t } = useCustomersT();
  const { t: l } = useOnboardingLabels();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [c, setC] = useState<Detail | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  // a write's position: the archive and its cards are re-read up to it (read-your-writes)
  const [minPosition, setMinPosition] = useState<number | undefined>();
  const written = (result: number | { position?: number } | undefined) => {
    const position = typeof result === 'number' ? result : result?.position;
    if (position !== undefined) setMinPosition(position);
  };

  useEffect(() => {
    api.get<Detail>(`/customers/${encodeURIComponent(id)}`, { minPosition }).then(setC, (e) => setError(describeError(e, gt)));
  }, [api, id, gt, minPosition]);
  if (!c) return <ErrorAlert error={error} />;

  return (
    <article className="stack" aria-labelledby="customer-title" data-testid="customer-detail">
      <div className="card">
        <div className="card-header">
          <h2 id="customer-title">{c.name}</h2>
          <div className="toolbar">
            <StatusBadge status={c.status} />
            <GradeBadge grade={c.grade} />
          </div>
        </div>
        {c.status === 'suspended' && c.suspendedSince ? <p className="notice notice-warning" role="note">{t('suspendedSince', { at: formatInstant(c.suspendedSince) })}</p> : null}
        {c.status === 'disqualified' && c.disqualifiedAt ? <p className="alert alert-error">{t('disqualifiedAt', { at: formatInstant(c.disqualifiedAt) })}</p> : null}
        <dl className="kv kv-columns">
          {companyCodeOf(c.identifiers) ? <><dt>{t('creditCode')}</dt><dd className="mono">{companyCodeOf(c.identifiers)}</dd></> : null}
          <dt>{t('class')}</dt><dd>{labelOr(l, `line.${c.productLine}`)} · {labelOr(l, `object.${c.class.salesObject}`)}{c.class.salesForm ? ` · ${labelOr(l, `form.${c.class.salesForm}`)}` : ''}</dd>
          <dt>{t('region')}</dt><dd>{c.region}</dd>
          <dt>{t('manager')}</dt><dd>{personName(c.people, c.customerManagerId)}</dd>
          <dt>{t('openedAt')}</dt><dd>{formatInstant(c.openedAt)}</dd>
          {c.invoicing ? <><dt>{t('invoicing')}</dt><dd>{c.invoicing.bank} · <span className="mono">{c.invoicing.accountNumber}</span> · {c.invoicing.telephone}</dd></> : null}
          {c.contacts?.length ? <><dt>{t('contacts')}</dt><dd>{c.contacts.map((p) => [p.name, p.telephone ?? p.phone].filter(Boolean).join(' ')).join('；')}</dd></> : null}
        </dl>
      </div>
      {c.pendingDisqualification && c.status !== 'disqualified' ? (
        <CustomerDisqualification customerId={c.customerId} pending={c.pendingDisqualification} people={c.people} onDone={written} />
      ) : null}
      <CustomerGrading customer={c} onDone={written} />
      <CustomerRegistrations registrations={c.registrations} people={c.people} />
      <CustomerDocuments documents={c.documents} />
      <DocumentsAndIdentity customer={c} onDone={written} />
      <CustomerRecords customer={c} minPosition={minPosition} onDone={written} />
      <CustomerComplaints customerId={c.customerId} />
      <div className="chart-pair">
        <section className="card" aria-labelledby="grade-title">
          <h2 id="grade-title">{t('gradeHistory')}</h2>
          <GradeChart name={c.name} history={c.gradeHistory} />
          <GradeTable history={c.gradeHistory} t={t} />
        </section>
        <section className="card" aria-labelledby="tonnage-title">
          <h2 id="tonnage-title">{t('tonnage')}</h2>
          {c.monthlyTonnage.length === 0 ? <p className="empty">{t('noTonnage')}</p> : <TonnageChart name={c.name} months={c.monthlyTonnage} />}
        </section>
      </div>
      {!c.pendingDisqualification && c.status !== 'disqualified' ? <ProposeDisqualificationForm customerId={c.customerId} name={c.name} onDone={written} /> : null}
      <p><a href="#/customers">← {t('back')}</a></p>
    </article>
  );
}

function GradeTable({ history, t }: { history: readonly GradeFact[]; t: CustomersT }) {
  const grade = (g: string | null) => (g ? labelOr(t, `grade.${g}`) : '—');
  return (
    <table className="data-table" data-testid="grade-history">
      <thead>
        <tr><th scope="col">{t('when')}</th><th scope="col">{t('change')}</th><th scope="col">{t('cause')}</th><th scope="col">{t('evidence')}</th></tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.position}>
            <td className="nowrap">{formatInstant(h.at)}</td>
            <td>{h.previousGrade ? `${grade(h.previousGrade)} → ` : ''}<strong>{grade(h.newGrade)}</strong></td>
            <td>{labelOr(t, `cause.${h.cause}`)} <span className="muted small">{h.ruleId}</span></td>
            <td>{h.month && h.tonnage !== null ? t('evidenceMonth', { month: h.month, t: formatTonnes(h.tonnage) }) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
