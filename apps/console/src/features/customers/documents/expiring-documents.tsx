import { useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../../api/describe-error';
import { useSignedIn } from '../../../auth/session.context';
import { useI18n } from '../../../i18n/i18n.context';
import { ErrorAlert } from '../../../shell/error-alert';
import { featurePath } from '../../feature-catalogue';
import { Link } from '../../../router/hash-router';
import { type DocumentsT, type RenewalProofView, useDocumentsT, useKindLabel } from './documents.messages';

/** `#/customers/expiring-documents`: the report's own address on the customers page (no customer id looks like it). */
export const EXPIRING_SEGMENT = 'expiring-documents';

interface ExpiringItem {
  customer: { customerId: string; name: string };
  document: { documentId: string; kind: string; number: string; validUntil: string; renewalProof?: RenewalProofView | null };
  daysLeft: number;
}
interface ExpiringReport { today: string; until: string; items: ExpiringItem[] }

const WITHIN = ['30', '60', '90'] as const;
const daysWords = (t: DocumentsT, n: number) => {
  if (n === 0) return t('days.today');
  if (n > 0) return n === 1 ? t('days.leftOne') : t('days.left', { n });
  return n === -1 ? t('days.overOne') : t('days.over', { n: -n });
};
const tone = (n: number) => (n < 0 ? 'badge-danger' : n <= 7 ? 'badge-warning' : 'badge-muted');

/** R-EVAL-1: where the document's renewal stands, when a proof of it was filed. */
const proofWords = (t: DocumentsT, proof: RenewalProofView | null | undefined): string | null => {
  if (proof?.status === 'pending') return t('report.proofPending');
  if (proof?.status === 'approved') return t('report.proofApproved', { until: proof.graceUntil ?? proof.expectedBy });
  return proof?.status === 'rejected' ? t('report.proofRejected') : null;
};

/** The customers page's two views, as links: the list and the documents expiring soon (R-ARC-4). */
export function CustomersViews({ current }: { current: 'list' | 'expiring' }) {
  const { t: gt } = useI18n();
  const { t } = useDocumentsT();
  return (
    <nav className="toolbar" aria-label={gt('feature.customers.title')} style={{ marginBottom: 12 }}>
      <Link to={featurePath('customers')} className={`button button-small ${current === 'list' ? 'button-primary' : 'button-secondary'}`} aria-current={current === 'list' ? 'page' : undefined}>{t('listView')}</Link>
      <Link to={featurePath('customers', EXPIRING_SEGMENT)} className={`button button-small ${current === 'expiring' ? 'button-primary' : 'button-secondary'}`} aria-current={current === 'expiring' ? 'page' : undefined}>{t('expiring')}</Link>
    </nav>
  );
}

/**
 * R-ARC-4 资质证件定期检查: GET /reports/expiring-documents as a table, company by name and linked to
 * its archive, the document in words, the days left; a customer manager sees their own customers (R-KAM-2).
 */
export function ExpiringDocuments() {
  const { t } = useDocumentsT();
  const kindLabel = useKindLabel();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [within, setWithin] = useState<(typeof WITHIN)[number]>('30');
  const [report, setReport] = useState<ExpiringReport | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    setError(null);
    api.get<ExpiringReport>('/reports/expiring-documents', { withinDays: Number(within) }).then(setReport, (e) => setError(describeError(e, gt)));
  }, [api, within, gt]);

  return (
    <section className="card card-flush" aria-labelledby={`${id}-title`} data-testid="expiring-documents">
      <div className="card-header">
        <h2 id={`${id}-title`}>{t('expiring')}</h2>
        <div className="field field-narrow">
          <label htmlFor={`${id}-within`}>{t('within')}</label>
          <select id={`${id}-within`} value={within} onChange={(e) => setWithin(e.target.value as (typeof WITHIN)[number])}>
            {WITHIN.map((w) => <option key={w} value={w}>{t(`within.${w}`)}</option>)}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      {report ? <p className="hint" style={{ margin: '0 20px' }}>{t('expiringIntro', { today: report.today, days: within })}</p> : null}
      {report && report.items.length === 0 ? <p className="empty" style={{ margin: 20 }}>{t('noneExpiring')}</p> : null}
      {report && report.items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr><th scope="col">{t('company')}</th><th scope="col">{t('docKind')}</th><th scope="col">{t('number')}</th><th scope="col">{t('until')}</th><th scope="col">{t('daysLeft')}</th></tr>
          </thead>
          <tbody>
            {report.items.map((item) => (
              <tr key={`${item.customer.customerId}/${item.document.documentId}`} data-customer={item.customer.customerId}>
                <td><Link to={featurePath('customers', item.customer.customerId)} aria-label={t('openArchive', { name: item.customer.name })}>{item.customer.name}</Link></td>
                <td>{kindLabel(item.document.kind)}</td>
                <td className="mono">{item.document.number}</td>
                <td className="nowrap">{item.document.validUntil}</td>
                <td>
                  <span className={`badge ${tone(item.daysLeft)}`}>{daysWords(t, item.daysLeft)}</span>
                  {proofWords(t, item.document.renewalProof) ? <div className="muted small">{proofWords(t, item.document.renewalProof)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
