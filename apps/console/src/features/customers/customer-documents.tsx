import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { formatInstant } from '../../format/shanghai-time';
import { type CustomerDocument, useCustomersT } from './customers.messages';
import { DocumentFileActions } from './document-file';

/** Expired when the service says so; "soon" once its expiry warning (R-ARC-4) has gone out. */
export function documentState(d: CustomerDocument): 'valid' | 'soon' | 'expired' {
  if (d.status === 'expired') return 'expired';
  return d.warnedAt ? 'soon' : 'valid';
}
const TONE = { valid: 'badge-success', soon: 'badge-warning', expired: 'badge-danger' } as const;

export function CustomerDocuments({ documents }: { documents: readonly CustomerDocument[] }) {
  const { t } = useCustomersT();
  const { t: l } = useOnboardingLabels();
  return (
    <section className="card card-flush" aria-labelledby="documents-title">
      <div className="card-header"><h2 id="documents-title">{t('documents')}</h2></div>
      <table className="data-table" data-testid="customer-documents">
        <thead>
          <tr><th scope="col">{t('docKind')}</th><th scope="col">{t('docNumber')}</th><th scope="col">{t('validity')}</th><th scope="col">{t('docStatus')}</th><th scope="col">{t('docFile')}</th></tr>
        </thead>
        <tbody>
          {documents.map((d) => {
            const state = documentState(d);
            return (
              <tr key={d.documentId} className={`doc-${state}`} data-document-state={state}>
                <td>{labelOr(l, `doc.${d.kind}`)}</td>
                <td className="mono">{d.number}</td>
                <td className="nowrap">{d.validFrom} ~ <strong>{d.validUntil}</strong></td>
                <td>
                  <span className={`badge ${TONE[state]}`}>{t(`doc.${state}`)}</span>
                  {state === 'soon' && d.warnedAt ? <span className="muted small"> {t('warnedOn', { at: formatInstant(d.warnedAt) })}</span> : null}
                </td>
                <td>{d.file ? <DocumentFileActions file={d.file} /> : <span className="muted small">{t('noFile')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
