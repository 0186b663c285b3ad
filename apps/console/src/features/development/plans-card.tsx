import { useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { navigate } from '../../router/hash-router';
import { ErrorAlert } from '../../shell/error-alert';
import { personLabel, useNames } from '../record-kit/names';
import { featurePath } from '../feature-catalogue';
import { labelFor, type PlanRow, useDevelopmentT } from './development.messages';

/** A plan waiting on someone is shown as a warning so the approver's eye finds it. */
const stateTone = (state: string) => (state.startsWith('review') ? 'badge-warning' : state === 'approved' ? 'badge-success' : state === 'rejected' ? 'badge-danger' : 'badge-muted');

export function PlanStateBadge({ state }: { state: string }) {
  const { t } = useDevelopmentT();
  return <span className={`badge ${stateTone(state)}`} data-state={state}>{labelFor(t, 'state', state)}</span>;
}

/** R-DEV-2: the quarter plans, newest first, each opening its detail. */
export function PlansCard() {
  const { t } = useDevelopmentT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<PlanRow[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    api.get<{ items: PlanRow[] }>('/development-plans').then((page) => setItems(page.items), (e) => setError(describeError(e, gt)));
  }, [api, gt]);

  const names = useNames((items ?? []).map((p) => p.draftedBy));
  return (
    <section className="card" aria-labelledby="plans-title" data-testid="plans">
      <h2 id="plans-title">{t('plansTitle')}</h2>
      <ErrorAlert error={error} />
      {items === null ? null : items.length === 0 ? (
        <p className="empty">{t('plansEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="plans-table">
            <thead>
              <tr>
                <th scope="col">{t('quarter')}</th>
                <th scope="col">{t('deadline')}</th>
                <th scope="col">{t('drafter')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col"><span className="visually-hidden">{t('open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.planId} data-plan={p.planId}>
                  <td>{p.quarter}</td>
                  <td className="nowrap">{formatInstant(p.deadline)}</td>
                  <td>{personLabel(names, p.draftedBy, lang)}</td>
                  <td><PlanStateBadge state={p.status} /></td>
                  <td className="num">
                    <a
                      className="button button-secondary button-small"
                      href={`#${featurePath('development', p.planId)}`}
                      onClick={(e) => { e.preventDefault(); navigate(featurePath('development', p.planId)); }}
                      aria-label={`${t('open')} ${p.quarter} ${personLabel(names, p.draftedBy, lang)}`}
                    >
                      {t('open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Today as a Beijing calendar date: R-DEV-3 counts weeks on Beijing dates. */
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** R-DEV-3: approved plans with weekly summaries owed but missing as of a date. */
export function MissingWeeklyCard() {
  const { t } = useDevelopmentT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [asOf, setAsOf] = useState(beijingToday);
  const [items, setItems] = useState<Array<{ planId: string; quarter: string; draftedBy: string; missingWeeks: string[] }> | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
    api.get<{ items: NonNullable<typeof items> }>('/development-plans/missing-weekly', { asOf }).then((page) => { setItems(page.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, asOf]);

  const names = useNames((items ?? []).map((p) => p.draftedBy));
  return (
    <section className="card" aria-labelledby="missing-title" data-testid="missing-weekly">
      <h2 id="missing-title">{t('missingTitle')}</h2>
      <p className="hint">{t('missingIntro')}</p>
      <div className="field field-narrow">
        <label htmlFor={`${id}-as-of`}>{t('asOf')}</label>
        <input id={`${id}-as-of`} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      {items === null ? null : items.length === 0 ? (
        <p className="empty">{t('missingEmpty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('quarter')}</th>
              <th scope="col">{t('drafter')}</th>
              <th scope="col">{t('missingWeeks')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.planId} data-plan={p.planId}>
                <td>{p.quarter}</td>
                <td>{personLabel(names, p.draftedBy, lang)}</td>
                <td>{p.missingWeeks.join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
