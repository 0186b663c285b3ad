import { companyCodeOf } from '@crm/customers';
import { useEffect, useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { LabelledInput, LabelledSelect } from '../../components/labelled-input';
import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { GradeBadge, StatusBadge } from './customer-badges';
import { personLabel, useNames } from '../record-kit/names';
import { GRADES, type CustomerSummary, useCustomersT } from './customers.messages';


interface Filters { q: string; status: string; grade: string; productLine: string; class: string; region: string }
const NONE: Filters = { q: '', status: '', grade: '', productLine: '', class: '', region: '' };

/** The customers the caller may see (a manager: their own, R-KAM-2), filtered by the API. */
export function CustomerList() {
  const { t } = useCustomersT();
  const { t: l } = useOnboardingLabels();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [page, setPage] = useState<{ total: number; items: CustomerSummary[] } | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    const query = Object.fromEntries(Object.entries(applied).map(([k, v]) => [k, v.trim() || undefined]));
    api.get<{ total: number; items: CustomerSummary[] }>('/customers', { ...query, limit: 200 }).then(
      (p) => { setPage(p); setError(null); },
      (e) => setError(describeError(e, gt)),
    );
  }, [api, applied, gt]);

  // the managers as 姓名（角色）, not usernames
  const names = useNames(page?.items.map((c) => c.customerManagerId) ?? []);
  const any = [['', t('any')]] as const;
  const select = (name: keyof Filters, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <LabelledSelect id={`filter-${name}`} label={label} value={draft[name]} onChange={(v) => setDraft({ ...draft, [name]: v })} options={[...any, ...options]} />
  );
  const submit = (e: FormEvent) => { e.preventDefault(); setApplied(draft); };

  return (
    <div className="stack">
      <form className="card filters" onSubmit={submit} aria-label={t('filters')}>
        <LabelledInput id="filter-q" label={t('search')} value={draft.q} placeholder={t('searchPlaceholder')} optional onChange={(v) => setDraft({ ...draft, q: v })} />
        {select('status', t('status'), (['active', 'suspended', 'disqualified'] as const).map((s) => [s, t(`status.${s}`)] as const))}
        {select('grade', t('grade'), GRADES.map((g) => [g, t(`grade.${g}`)] as const))}
        {select('productLine', t('productLine'), (['polyolefin', 'other_chemicals'] as const).map((p) => [p, l(`line.${p}`)] as const))}
        {select('class', t('salesObject'), (['distributor', 'direct', 'exclusive_agent'] as const).map((o) => [o, l(`object.${o}`)] as const))}
        <LabelledInput id="filter-region" label={t('region')} value={draft.region} placeholder={t('regionPlaceholder')} optional onChange={(v) => setDraft({ ...draft, region: v })} />
        <div className="toolbar">
          <button type="submit" className="button button-primary">{t('apply')}</button>
          <button type="button" className="button button-ghost" onClick={() => { setDraft(NONE); setApplied(NONE); }}>{t('reset')}</button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {page ? (
        <section className="card card-flush" aria-labelledby="customers-count">
          <div className="card-header"><h2 id="customers-count" className="section-title" aria-live="polite">{t('total', { n: page.total })}</h2></div>
          {page.items.length === 0 ? <p className="empty" style={{ margin: 20 }}>{t('empty')}</p> : (
            <table className="data-table" data-testid="customers-table">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th><th scope="col">{t('status')}</th><th scope="col">{t('grade')}</th>
                  <th scope="col">{t('productLine')}</th><th scope="col">{t('region')}</th><th scope="col">{t('manager')}</th><th scope="col">{t('openedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.customerId} data-customer={c.customerId}>
                    <td><a href={`#/customers/${encodeURIComponent(c.customerId)}`}>{c.name}</a>{companyCodeOf(c.identifiers) ? <div className="muted small mono">{companyCodeOf(c.identifiers)}</div> : null}</td>
                    <td><StatusBadge status={c.status} /></td>
                    <td><GradeBadge grade={c.grade} /></td>
                    <td>{labelOr(l, `line.${c.productLine}`)} · {labelOr(l, `object.${c.class.salesObject}`)}</td>
                    <td>{c.region}</td>
                    <td>{personLabel(names, c.customerManagerId, lang)}</td>
                    <td className="nowrap">{formatInstant(c.openedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}
