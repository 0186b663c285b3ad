import { formatInstant } from '../format/shanghai-time';
import { localMessages } from '../i18n/local-messages';
import { labelOr, useOnboardingLabels } from './onboarding-labels';
import './onboarding.css';

/** What GET /applications/:id answers, as far as the console shows it. */
export interface ApplicationDetail {
  applicationId: string;
  status: string;
  companyName: string;
  productLine: string;
  customerId: string | null;
  pending: { step: 'sales' | 'finance' | 'generalManager'; since: string; waitingWorkingDays: number } | null;
  form: {
    identifiers: { kind: 'unified'; creditCode: string } | { kind: 'separate'; businessLicenceNo: string; taxRegistrationNo: string; organisationCode: string };
    invoicing: { bank: string; accountNumber: string; postalAddress: string; telephone: string };
    contacts: Array<{ name: string; telephone: string; position?: string; email?: string }>;
    productLine: string;
    customerClass: { salesObject: string; salesForm: string | null };
    region: string;
    customerManagerId: string;
    documents: Array<{ kind: string; number: string; validFrom: string; validUntil: string; fileName?: string }>;
  };
  history: Array<{ eventId: string; type: string; step: string | null; by: string; byName: string | null; onBehalfOf: string | null; comment: string | null; at: string }>;
}

const useT = localMessages({
  'zh-CN': {
    identifiers: '证照号码', creditCode: '统一社会信用代码', businessLicenceNo: '营业执照注册号', taxRegistrationNo: '税务登记证号', organisationCode: '组织机构代码',
    invoicing: '开票资料', bank: '开户银行', accountNumber: '银行账号', postalAddress: '邮寄地址', telephone: '电话',
    classTitle: '产品线与类别', productLine: '产品线', salesObject: '销售对象', salesForm: '销售方式', region: '区域', manager: '客户经理',
    contacts: '联系人', documents: '资质证件', kind: '证件', number: '号码', validity: '有效期', file: '扫描件',
    history: '审批记录', onBehalfOf: '代 {who} 处理',
  },
  en: {
    identifiers: 'Identifiers', creditCode: 'Unified Social Credit Code', businessLicenceNo: 'Business licence number', taxRegistrationNo: 'Tax registration number', organisationCode: 'Organisation code',
    invoicing: 'Invoicing data', bank: 'Bank', accountNumber: 'Account number', postalAddress: 'Postal address', telephone: 'Telephone',
    classTitle: 'Product line and class', productLine: 'Product line', salesObject: 'Sales object', salesForm: 'Sales form', region: 'Region', manager: 'Customer manager',
    contacts: 'Contacts', documents: 'Qualification documents', kind: 'Document', number: 'Number', validity: 'Valid', file: 'Scan',
    history: 'Decision history', onBehalfOf: 'on behalf of {who}',
  },
});

/** The form of an application as a reviewer reads it: identifiers, invoicing, class, contacts, documents. */
export function ApplicationFormView({ form }: { form: ApplicationDetail['form'] }) {
  const { t } = useT();
  const { t: l } = useOnboardingLabels();
  const ids = form.identifiers;
  return (
    <div className="application-view">
      <div className="view-columns">
        <section aria-labelledby="view-identifiers">
          <h3 id="view-identifiers" className="view-title">{t('identifiers')}</h3>
          <dl className="kv">
            {ids.kind === 'unified' ? (
              <><dt>{t('creditCode')}</dt><dd className="mono">{ids.creditCode}</dd></>
            ) : (
              <>
                <dt>{t('businessLicenceNo')}</dt><dd className="mono">{ids.businessLicenceNo}</dd>
                <dt>{t('taxRegistrationNo')}</dt><dd className="mono">{ids.taxRegistrationNo}</dd>
                <dt>{t('organisationCode')}</dt><dd className="mono">{ids.organisationCode}</dd>
              </>
            )}
          </dl>
          <h3 className="view-title">{t('classTitle')}</h3>
          <dl className="kv">
            <dt>{t('productLine')}</dt><dd>{labelOr(l, `line.${form.productLine}`)}</dd>
            <dt>{t('salesObject')}</dt><dd>{labelOr(l, `object.${form.customerClass.salesObject}`)}</dd>
            <dt>{t('salesForm')}</dt><dd>{l(form.customerClass.salesForm ? `form.${form.customerClass.salesForm as 'planned'}` : 'form.none')}</dd>
            <dt>{t('region')}</dt><dd>{form.region}</dd>
            <dt>{t('manager')}</dt><dd>{form.customerManagerId}</dd>
          </dl>
        </section>
        <section aria-labelledby="view-invoicing">
          <h3 id="view-invoicing" className="view-title">{t('invoicing')}</h3>
          <dl className="kv">
            <dt>{t('bank')}</dt><dd>{form.invoicing.bank}</dd>
            <dt>{t('accountNumber')}</dt><dd className="mono">{form.invoicing.accountNumber}</dd>
            <dt>{t('postalAddress')}</dt><dd>{form.invoicing.postalAddress}</dd>
            <dt>{t('telephone')}</dt><dd>{form.invoicing.telephone}</dd>
          </dl>
          <h3 className="view-title">{t('contacts')}</h3>
          <ul className="list-plain contact-list">
            {form.contacts.map((c, i) => (
              <li key={i}>
                <strong>{c.name}</strong>{c.position ? ` · ${c.position}` : ''} · {c.telephone}{c.email ? ` · ${c.email}` : ''}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <h3 className="view-title">{t('documents')}</h3>
      <table className="table" data-testid="application-documents">
        <thead>
          <tr><th scope="col">{t('kind')}</th><th scope="col">{t('number')}</th><th scope="col">{t('validity')}</th><th scope="col">{t('file')}</th></tr>
        </thead>
        <tbody>
          {form.documents.map((d, i) => (
            <tr key={i}>
              <td>{labelOr(l, `doc.${d.kind}`)}</td>
              <td className="mono">{d.number}</td>
              <td className="nowrap">{d.validFrom} ~ {d.validUntil}</td>
              <td>{d.fileName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who did what when, oldest first, with the comment or reason they gave. */
export function ApplicationHistory({ history }: { history: ApplicationDetail['history'] }) {
  const { t } = useT();
  const { t: l } = useOnboardingLabels();
  return (
    <section aria-labelledby="view-history">
      <h3 id="view-history" className="view-title">{t('history')}</h3>
      <ol className="timeline" data-testid="application-history">
        {history.map((h) => (
          <li key={h.eventId} className={`timeline-item timeline-${h.type}`}>
            <div className="timeline-head">
              <span className="timeline-type">{labelOr(l, `event.${h.type}`)}</span>
              <span className="muted small">{formatInstant(h.at)}</span>
            </div>
            <div className="small">
              {h.byName ?? h.by}
              {h.onBehalfOf ? ` (${t('onBehalfOf', { who: h.onBehalfOf })})` : ''}
            </div>
            {h.comment ? <blockquote className="timeline-comment">{h.comment}</blockquote> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
