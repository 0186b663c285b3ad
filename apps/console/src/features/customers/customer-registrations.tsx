import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { GradeBadge, StatusBadge } from './customer-badges';
import { type CustomerDetail, personName, useCustomersT } from './customers.messages';

/**
 * R-TIER-1 按照不同的产品设置不同的客户及客户登记: the company's registrations for its other product
 * lines, each with its own class, grade, manager and status; a customer manager sees their own and
 * how many others there are (R-KAM-2).
 */
export function CustomerRegistrations({ registrations, people }: { registrations: CustomerDetail['registrations']; people?: CustomerDetail['people'] }) {
  const { t } = useCustomersT();
  const { t: l } = useOnboardingLabels();
  if (!registrations || (registrations.items.length === 0 && registrations.hidden === 0)) return null;
  return (
    <section className="card card-flush" aria-labelledby="registrations-title" data-testid="customer-registrations">
      <div className="card-header"><h2 id="registrations-title">{t('registrations')}</h2></div>
      {registrations.items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr><th scope="col">{t('productLine')}</th><th scope="col">{t('class')}</th><th scope="col">{t('grade')}</th><th scope="col">{t('manager')}</th><th scope="col">{t('status')}</th></tr>
          </thead>
          <tbody>
            {registrations.items.map((r) => (
              <tr key={r.customerId} data-registration={r.customerId}>
                <td><a href={`#/customers/${encodeURIComponent(r.customerId)}`}>{labelOr(l, `line.${r.productLine}`)}</a></td>
                <td>{labelOr(l, `object.${r.class.salesObject}`)}{r.class.salesForm ? ` · ${labelOr(l, `form.${r.class.salesForm}`)}` : ''}</td>
                <td><GradeBadge grade={r.grade} /></td>
                <td>{personName(people, r.customerManagerId)}</td>
                <td><StatusBadge status={r.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {registrations.hidden > 0 ? <p className="muted small card-body">{t('registrationsHidden', { n: registrations.hidden })}</p> : null}
    </section>
  );
}
