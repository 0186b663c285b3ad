import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { CommandForm, type FieldSpec } from '../../components/command-form';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { Link } from '../../router/hash-router';
import { featurePath } from '../feature-catalogue';
import { personLabel, useNames } from '../record-kit/names';
import { type Answer, labelFor, type Prospect, useDevelopmentT } from './development.messages';

const SOURCES = ['market_survey', 'visit', 'referral', 'exhibition', 'inbound', 'other'] as const;

/**
 * The form's flat fields → RegisterProspect. The identifier fields keep the API's dotted names
 * (`identifiers.creditCode`) so that a 400 naming that field lands beside its input.
 */
function registerBody(body: Record<string, unknown>): Record<string, unknown> {
  const { 'identifiers.creditCode': creditCode, 'identifiers.legalRepresentative': legalRepresentative, ...rest } = body;
  const identifiers = Object.fromEntries(Object.entries({ creditCode, legalRepresentative }).filter(([, v]) => v !== undefined));
  return { ...rest, identifiers };
}

/** R-DEV-1: the prospect archives I may see (a manager: the ones they keep), and for managers the register form. */
export function ProspectsCard() {
  const { t } = useDevelopmentT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [items, setItems] = useState<Prospect[] | null>(null);
  const names = useNames((items ?? []).map((p) => p.customerManagerId));
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [minPosition, setMinPosition] = useState<number | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const mayRegister = hasAnyRole(session.user, ['customer_manager']);

  useEffect(() => {
    api.get<{ items: Prospect[] }>('/prospects', { minPosition }).then((page) => { setItems(page.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);

  const fields: FieldSpec[] = [
    { name: 'companyName', label: t('company') },
    { name: 'identifiers.creditCode', label: t('creditCode'), optional: true },
    { name: 'identifiers.legalRepresentative', label: t('legalRepresentative'), optional: true },
    { name: 'region', label: t('region') },
    { name: 'productsOfInterest', label: t('products'), kind: 'list' },
    { name: 'estimatedTonnesPerYear', label: t('tonnesOptional'), kind: 'number', optional: true, min: 0 },
    { name: 'source', label: t('source'), kind: 'select', initial: SOURCES[0], options: SOURCES.map((s) => ({ value: s, label: labelFor(t, 'source', s) })) },
    { name: 'notes', label: t('notes'), kind: 'textarea', optional: true },
  ];

  return (
    <>
      <section className="card" aria-labelledby="prospects-title" data-testid="prospects">
        <h2 id="prospects-title">{t('prospectsTitle')}</h2>
        <ErrorAlert error={error} />
        {notice ? <p role="status" className="notice notice-success">{notice}</p> : null}
        {items === null ? null : items.length === 0 ? (
          <p className="empty">{t('prospectsEmpty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="prospects-table">
              <thead>
                <tr>
                  <th scope="col">{t('company')}</th>
                  <th scope="col">{t('region')}</th>
                  <th scope="col">{t('products')}</th>
                  <th scope="col" className="num">{t('tonnes')}</th>
                  <th scope="col">{t('source')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('registeredAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.prospectId} data-prospect={p.prospectId}>
                    <td>
                      <div><Link to={featurePath('development', 'prospects', p.prospectId)}>{p.companyName}</Link></div>
                      <div className="muted small">{personLabel(names, p.customerManagerId, lang)}</div>
                    </td>
                    <td>{p.region}</td>
                    <td>{p.productsOfInterest.join('、')}</td>
                    <td className="num">{p.estimatedTonnesPerYear ?? '—'}</td>
                    <td>{labelFor(t, 'source', p.source)}</td>
                    <td><span className={`badge ${p.status === 'active' ? 'badge-primary' : 'badge-muted'}`}>{labelFor(t, 'prospect', p.status)}</span></td>
                    <td className="nowrap">{formatInstant(p.registeredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {mayRegister ? (
        <section className="card">
          <CommandForm
            key={formKey}
            title={t('registerTitle')}
            intro={t('registerIntro')}
            fields={fields}
            buttons={[{ label: t('register'), send: async (body) => ({ ...(await api.post<Answer>('/prospects', registerBody(body))), name: body.companyName }) }]}
            onDone={(result) => {
              const answer = result as Answer & { name: string };
              setNotice(t('registered', { name: answer.name }));
              setFormKey((k) => k + 1);
              setMinPosition(answer.position);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
