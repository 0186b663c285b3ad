import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { LabelledSelect } from '../../components/labelled-input';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { useCatalogue } from '../catalogue/use-catalogue';
import { featurePath } from '../feature-catalogue';
import { customerLabel, useNames } from '../record-kit/names';
import { type ContractRow, productLineLabel } from './contract-view';
import { CONTRACT_STATES, contractStateLabel, useContractsT } from './contracts.messages';

/** R-ARC-5: the contracts the viewer may see (a customer manager their own customers', R-KAM-2), by company name and standing. */
export function ContractList({ minPosition }: { minPosition?: number }) {
  const { t, lang } = useContractsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const { catalogue } = useCatalogue();
  const [status, setStatus] = useState('');
  const [rows, setRows] = useState<ContractRow[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const names = useNames([], rows?.map((r) => r.customer_id) ?? []);
  useEffect(() => {
    api.get<{ items: ContractRow[] }>('/contracts', { status: status || undefined, minPosition }).then((r) => { setRows(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, status, minPosition]);

  return (
    <section className="card" aria-labelledby="contracts-title">
      <div className="card-header">
        <h2 id="contracts-title">{t('listTitle')}</h2>
        <LabelledSelect id="contracts-status" label={t('statusFilter')} value={status} onChange={setStatus}
          options={[['', t('allStatuses')], ...CONTRACT_STATES.map((s): [string, string] => [s, contractStateLabel(s, lang)])]} />
      </div>
      <ErrorAlert error={error} />
      {rows && rows.length === 0 ? <p className="empty">{t('none')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="contracts-table">
            <thead><tr><th>{t('contractNo')}</th><th>{t('customer')}</th><th>{t('productLine')}</th><th>{t('term')}</th><th>{t('status')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.contract_id} data-contract={r.contract_id}>
                  <td><a href={`#${featurePath('contracts', r.contract_id)}`}>{r.contract_no}</a></td>
                  <td>{customerLabel(names, r.customer_id, lang)}</td>
                  <td>{productLineLabel(catalogue, r.product_line_id, lang)}</td>
                  <td>{t('termRange', { from: r.valid_from, until: r.valid_until })}</td>
                  <td><span className="badge" data-state={r.status}>{contractStateLabel(r.status, lang)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
