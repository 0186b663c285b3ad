import { companyCodeOf } from '@crm/customers';
import { useEffect, useState, type FormEvent } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { navigate } from '../../router/hash-router';
import { featurePath } from '../feature-catalogue';
import { auditApi, type CustomerSummary } from './audit.api';
import type { AuditT } from './audit.messages';

/** A customer from the list, or any id typed in (an archive may be closed, or not in the list yet). */
export function CustomerPicker({ at, current }: { at: AuditT; current?: string }) {
  const { api } = useSignedIn();
  const [customers, setCustomers] = useState<CustomerSummary[]>([]);
  const [typed, setTyped] = useState(current ?? '');
  useEffect(() => {
    auditApi.customers(api).then((r) => setCustomers(r.items), () => setCustomers([]));
  }, [api]);
  useEffect(() => setTyped(current ?? ''), [current]);

  const open = (id: string) => id.trim() && navigate(featurePath('audit', id.trim()));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open(typed);
  };
  return (
    <section className="card picker" aria-labelledby="pick-title">
      <h2 id="pick-title" className="visually-hidden">
        {at.t('pickTitle')}
      </h2>
      <form className="form-row" onSubmit={submit}>
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
          <label htmlFor="audit-customer-id">{at.t('customerId')}</label>
          <input id="audit-customer-id" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby="audit-pick-hint" />
        </div>
        <button type="submit" className="button button-primary">
          {at.t('open')}
        </button>
      </form>
      <p id="audit-pick-hint" className="hint">
        {at.t('pickHint')}
      </p>
    </section>
  );
}
