import { ConcludeCustomerReview, RecordReviewOutcome, ReviewPeriod } from '@crm/key-accounts';
import { ProductLine } from '@crm/customers';
import { useCallback, useEffect, useId, useState } from 'react';
import { z } from 'zod';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { ApiError } from '../api/problem';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { formatInstant } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { navigate } from '../router/hash-router';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import { useCatalogue } from './catalogue/use-catalogue';
import { productLineLabel } from './contracts/contract-view';
import { useReviewsT } from './customer-reviews/customer-reviews.messages';
import { type CustomerReviewView, evidenceOf, lastClosedQuarter, OUTCOMES, PERIOD_PARTS, type PeriodPart, periodOf, splitPeriod } from './customer-reviews/review-view';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import { CommandCard } from './record-kit/command-card';
import { mayDecide, useMyTasks } from './record-kit/my-tasks';
import { customerLabel, personLabel, useNames } from './record-kit/names';
import type { CommandAnswer } from './record-kit/use-record-form';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

const TASKS = ['customer-review.conclude'] as const;
/** the API's body for opening a review (periodic-reviews.controller.ts) */
const OpenReview = z.strictObject({ period: ReviewPeriod, productLine: ProductLine });
const beijingToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** 客户定期评审 (R-EVAL-2): `#/customer-reviews/<product line>/<period>` — one product line's review of one period. */
export default function CustomerReviewsPage({ segments }: FeaturePageProps) {
  const { t, lang } = useReviewsT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const lineId = useId();
  const yearId = useId();
  const partId = useId();
  const { catalogue, error: catalogueError } = useCatalogue();
  const chosen = splitPeriod(segments[1]) ?? lastClosedQuarter(beijingToday());
  const line = segments[0] || catalogue?.productLines[0]?.productLineId || '';
  const period = periodOf(chosen.year, chosen.part);
  const instance = `${line}.${period}`;
  const [review, setReview] = useState<CustomerReviewView | null | undefined>();
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>();
  const [formKey, setFormKey] = useState(0);
  const { tasks } = useMyTasks(TASKS, position);
  const names = useNames(
    [review?.opened?.by, review?.conclusion?.by, ...(review?.entries.map((e) => e.decision?.by) ?? [])],
    review?.entries.map((e) => e.customerId) ?? [],
  );

  const load = useCallback(async () => {
    if (!line) return;
    try {
      setReview(await api.get<CustomerReviewView>(`/customer-reviews/${encodeURIComponent(line)}/${encodeURIComponent(period)}`));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { setReview(null); setError(null); } else setError(describeError(e, gt));
    }
  }, [api, gt, line, period]);
  useEffect(() => { setReview(undefined); }, [line, period]);
  useEffect(() => void load(), [load, position]);
  const done = (at: number) => { setPosition(at); setFormKey((k) => k + 1); };
  const go = (nextLine: string, year: number, part: PeriodPart) => navigate(featurePath('customer-reviews', nextLine, periodOf(year, part)));

  const lineName = productLineLabel(catalogue, line, lang);
  const periodName = t('periodName', { year: chosen.year, part: t(`part.${chosen.part}`) });
  const meetingName = review?.meeting ? t(`meeting.${review.meeting}`) : '';
  const mayOpen = hasAnyRole(session.user, ['sales_reviewer']);
  const mayRecord = review?.state === 'open' && mayDecide(tasks, instance, 'RecordReviewOutcome');
  const mayConclude = review?.state === 'open' && (mayDecide(tasks, instance, 'ConcludeCustomerReview') || hasAnyRole(session.user, ['general_manager']));
  const outcomeWord = (o: string | null) => (o ? t(`outcome.${o}` as 'outcome.keep') : '—');
  const outcomeOptions = [{ value: '', label: t('choose') }, ...OUTCOMES.map((o) => ({ value: o, label: outcomeWord(o) }))];
  const evidenceWords = (text: string) => {
    const e = evidenceOf(text);
    if (!e) return text;
    return t('evidenceText', { tonnes: e.tonnes, moves: e.moves, direction: e.direction ? t(`direction.${e.direction}`) : '', raised: e.raised, cleared: e.cleared });
  };

  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.customer-reviews.title')}</PageHeading>
      <ErrorAlert error={catalogueError} />
      <div className="toolbar" data-testid="review-choice">
        <div className="field field-narrow">
          <label htmlFor={lineId}>{t('productLine')}</label>
          <select id={lineId} value={line} onChange={(e) => go(e.target.value, chosen.year, chosen.part)}>
            {(catalogue?.productLines ?? []).map((p) => <option key={p.productLineId} value={p.productLineId}>{lang === 'en' ? p.name : p.nameZh}</option>)}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={yearId}>{t('year')}</label>
          <input id={yearId} type="number" min={2000} max={2099} value={chosen.year} onChange={(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2099) go(line, y, chosen.part); }} />
        </div>
        <div className="field field-narrow">
          <label htmlFor={partId}>{t('part')}</label>
          <select id={partId} value={chosen.part} onChange={(e) => go(line, chosen.year, e.target.value as PeriodPart)}>
            {PERIOD_PARTS.map((p) => <option key={p} value={p}>{t(`part.${p}`)}</option>)}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      {review === null ? <p className="empty">{t('none', { line: lineName, period: periodName })}</p> : null}
      {review === null && mayOpen && line ? (
        <section className="card">
          <CommandCard key={`o${instance}`} title={t('openTitle')} intro={t('openIntro', { line: lineName, period: periodName })} fields={[]} body={() => ({ period, productLine: line })}
            schema={OpenReview} call={(b) => api.post<CommandAnswer>('/customer-reviews', b)} submitLabel={t('open')} success={t('opened')} onDone={done} />
        </section>
      ) : null}
      {review ? (
        <>
          <section className="card" aria-labelledby="review-title" data-testid="customer-review">
            <div className="card-header">
              <h2 id="review-title">{t('reviewTitle', { line: lineName, period: periodName })}</h2>
              <span className="badge badge-primary" data-state={review.state}>{t(`state.${review.state}`)}</span>
            </div>
            {review.meeting ? <p>{t('meeting', { meeting: meetingName })}</p> : null}
            {review.opened ? <p className="muted">{t('openedBy', { by: personLabel(names, review.opened.by, lang), at: formatInstant(review.opened.at) })}</p> : null}
            {review.conclusion ? (
              <p className="notice notice-success" data-testid="review-conclusion">
                {t('concludedBy', { by: personLabel(names, review.conclusion.by, lang), at: formatInstant(review.conclusion.at), note: review.conclusion.note ? `${lang === 'en' ? ': ' : '：'}${review.conclusion.note}` : '' })}
              </p>
            ) : null}
            {review.entries.length === 0 ? <p className="empty">{t('empty')}</p> : (
              <div className="table-wrap">
                <table className="data-table" data-testid="review-entries">
                  <caption className="visually-hidden">{t('reviewTitle', { line: lineName, period: periodName })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('customer')}</th><th scope="col">{t('salesObject')}</th><th scope="col">{t('evidence')}</th>
                      <th scope="col">{t('suggested')}</th><th scope="col">{t('recorded')}</th>{review.state === 'concluded' ? <th scope="col">{t('final')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {review.entries.map((e) => (
                      <tr key={e.customerId} data-outcome={e.outcome ?? e.recorded ?? e.suggested}>
                        <td>{customerLabel(names, e.customerId, lang)}</td>
                        <td>{t(`object.${e.salesObject}`)}</td>
                        <td>{evidenceWords(e.evidence)}</td>
                        <td>{outcomeWord(e.suggested)}</td>
                        <td>
                          {e.recorded ? <strong>{outcomeWord(e.recorded)}</strong> : <span className="muted">{t('adopted')}</span>}
                          {e.recorded && e.decision ? <div className="muted">{t('decidedBy', { by: personLabel(names, e.decision.by, lang), at: formatInstant(e.decision.at), reason: e.decision.reason })}</div> : null}
                        </td>
                        {review.state === 'concluded' ? <td>{outcomeWord(e.outcome)}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {review.state === 'open' && !mayRecord && !mayConclude ? <p className="hint">{t('notYours')}</p> : null}
          </section>
          {mayRecord && review.entries.length > 0 ? (
            <section className="card">
              <CommandCard key={`r${formKey}`} title={t('recordTitle')} intro={t('recordIntro')}
                fields={[
                  { name: 'customerId', label: t('customer'), kind: 'select', options: [{ value: '', label: t('choose') }, ...review.entries.map((e) => ({ value: e.customerId, label: customerLabel(names, e.customerId, lang) }))] },
                  { name: 'outcome', label: t('outcome'), kind: 'select', options: outcomeOptions },
                  { name: 'reason', label: t('reason'), kind: 'textarea' },
                ]}
                body={(v) => ({ customerId: v('customerId'), outcome: v('outcome') || undefined, reason: v('reason') })}
                schema={RecordReviewOutcome.strict()} call={(b) => api.post<CommandAnswer>(`/customer-reviews/${encodeURIComponent(line)}/${encodeURIComponent(period)}/outcomes`, b)}
                submitLabel={t('record')} success={t('recordedNotice')} onDone={done} />
            </section>
          ) : null}
          {mayConclude ? (
            <section className="card">
              <CommandCard key={`c${formKey}`} title={t('concludeTitle')} intro={t('concludeIntro', { meeting: meetingName })} fields={[{ name: 'note', label: t('note'), kind: 'textarea' }]}
                body={(v) => ({ note: v('note').trim() || null })}
                schema={ConcludeCustomerReview.strict()} call={(b) => api.post<CommandAnswer>(`/customer-reviews/${encodeURIComponent(line)}/${encodeURIComponent(period)}/conclude`, b)}
                submitLabel={t('conclude')} success={t('concluded')} confirm={{ question: t('concludeConfirm', { line: lineName, period: periodName }), label: t('concludeConfirmButton') }} onDone={done} />
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
