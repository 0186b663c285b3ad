import { companyCodeOf } from '@crm/customers';
import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { CustomerPicker as SearchCustomer } from '../../components/entity-pickers';
import { navigate } from '../../router/hash-router';
import { featurePath } from '../feature-catalogue';
import { auditApi, type CustomerSummary } from './audit.api';
import type { AuditT } from './audit.messages';

/**
 * A customer from the list, or found by name or credit code (the list stops at 500): the auditor
 * reads companies, never types an id.
 */
export function CustomerPicker({ at, current }: { at: AuditT; current?: string }) {
  const { api } = useSignedIn();
  const [customers, setCustomers] = useState<CustomerSummary[]>([]);
  useEffect(() => {
    auditApi.customers(api).then((r) => setCustomers(r.items), () => setCustomers([]));
  }, [api]);

  const open = (id: string) => id.trim() && navigate(featurePath('audit', id.trim()));
  return (
    <section className="card picker" aria-labelledby="pick-title">
      <h2 id="pick-title" className="visually-hidden">
        {at.t('pickTitle')}
      </h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor="audit-customer">{at.t('customer')}</label>
          <select id="audit-customer" value={customers.some((c) => c.customerId === current) ? current : ''} onChange={(e) => open(e.target.value)}>
            <option value="">{at.t('choose')}</option>
            {customers.map((c) => (
              <option key={c.customerId} value={c.customerId}>
                {companyCodeOf(c.identifiers) ? `${c.name}（${companyCodeOf(c.identifiers)}）` : c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-customer-search">{at.t('search')}</label>
          <SearchCustomer id="audit-customer-search" value="" onChange={open} describedBy="audit-pick-hint" />
        </div>
      </div>
      <p id="audit-pick-hint" className="hint">
        {at.t('pickHint')}
      </p>
    </section>
  );
}
