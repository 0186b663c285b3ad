import { useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { labelOr } from '../../components/onboarding-labels';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { useCustomersT } from '../customers/customers.messages';
import { customerLabel, useNames } from '../record-kit/names';
import { useEvaluationReviewT } from './evaluation-review.messages';
import { tonnes } from './key-accounts.messages';
import '../record-kit/record-kit.css';

interface Moved { customerId: string; month: string }
interface ClassReview {
  salesObject: string; customers: number; tonnes: number; abc: { A: number; B: number; C: number };
  gradeChanges: Array<Moved & { previousGrade: string | null; newGrade: string }>;
  warnings: { raised: Moved[]; cleared: Moved[] };
  loyaltyChanges: Array<Moved & { previousLevel: string | null; newLevel: string | null }>;
  allocation: { months: string[]; demandTonnes: number; allocatedTonnes: number };
}
interface Review { period: string; from: string; to: string; months: number; classes: ClassReview[]; customers: Array<{ customerId: string; name: string | null }> }

/** The review periods to choose from: this year's and the two before, each year, half and quarter (R-EVAL-2). */
function periods(t: ReturnType<typeof useEvaluationReviewT>['t'], year: number) {
  return [year, year - 1, year - 2].flatMap((y) => [
    ...([1, 2, 3, 4] as const).map((q) => ({ value: `${y}-Q${q}`, label: t('period.Q', { y, q: t(`q.${q}`) }) })),
    { value: `${y}-H1`, label: t('period.H1', { y }) }, { value: `${y}-H2`, label: t('period.H2', { y }) }, { value: `${y}`, label: t('period.year', { y }) },
  ]);
}

/** R-EVAL-2: the quarterly, half-yearly or yearly review per customer class (GET /key-accounts/reviews). */
export function ReviewCard() {
  const { t, lang } = useEvaluationReviewT();
  const { t: ct } = useCustomersT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = review?.classes.flatMap((c) => [...c.gradeChanges, ...c.loyaltyChanges].map((g) => g.customerId)) ?? [];
  const names = useNames([], ids);
  const named = new Map((review?.customers ?? []).map((c) => [c.customerId, c.name]));
  const nameOf = (customerId: string) => named.get(customerId) ?? customerLabel(names, customerId, lang);
  const grade = (g: string | null) => (g ? labelOr(ct, `grade.${g}`) : '—');
  const level = (l: string | null) => labelOr(t, `level.${l ?? 'none'}`);

  function show() {
    if (!period) return;
    setBusy(true);
    api.get<Review>('/key-accounts/reviews', { period }).then((r) => { setReview(r); setError(null); }, (e) => setError(describeError(e, gt))).finally(() => setBusy(false));
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="key-account-review">
      <h2 id={`${id}-title`}>{t('reviewTitle')}</h2>
      <p className="hint">{t('reviewIntro')}</p>
      <form className="toolbar" aria-label={t('reviewTitle')} onSubmit={(e) => { e.preventDefault(); show(); }}>
        <div className="field field-narrow">
          <label htmlFor={`${id}-period`}>{t('period')}</label>
          <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value)}>
            <option value="">{t('choose')}</option>
            {periods(t, new Date().getFullYear()).map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </div>
        <button type="submit" className="button button-secondary" disabled={busy || !period}>{t('show')}</button>
      </form>
      <ErrorAlert error={error} />
      {review ? (
        <>
          <p className="muted">{t('summary', { from: review.from, to: review.to, m: review.months })}</p>
          <ul className="record-list" data-testid="review-classes">
            {review.classes.map((c) => (
              <li key={c.salesObject} data-class={c.salesObject}>
                <h3>{labelOr(t, `object.${c.salesObject}`)}</h3>
                <dl className="kv kv-columns">
                  <dt>{t('customers')}</dt><dd>{c.customers}</dd>
                  <dt>{t('tonnes')}</dt><dd>{tonnes(c.tonnes)}</dd>
                  <dt>{t('abc')}</dt><dd>{c.abc.A} / {c.abc.B} / {c.abc.C}</dd>
                  <dt>{t('warnings')}</dt><dd>{c.warnings.raised.length} / {c.warnings.cleared.length}</dd>
                  <dt>{t('allocation')}</dt><dd>{tonnes(c.allocation.demandTonnes)} / {tonnes(c.allocation.allocatedTonnes)}</dd>
                  <dt>{t('gradeChanges')}</dt>
                  <dd>{c.gradeChanges.length === 0 ? t('none') : c.gradeChanges.map((g, i) => <div key={i}>{t('gradeChange', { name: nameOf(g.customerId), from: grade(g.previousGrade), to: grade(g.newGrade), month: g.month })}</div>)}</dd>
                  <dt>{t('loyalty')}</dt>
                  <dd>{c.loyaltyChanges.length === 0 ? t('none') : c.loyaltyChanges.map((g, i) => <div key={i}>{t('loyaltyChange', { name: nameOf(g.customerId), from: level(g.previousLevel), to: level(g.newLevel), month: g.month })}</div>)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
