import { RATING_DIMENSIONS, RATING_SCALES, type RatingDimension } from '@crm/relationship';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useSignedIn } from '../../auth/session.context';
import { CustomerPicker } from '../../components/entity-pickers';
import { LabelledInput, LabelledSelect } from '../../components/labelled-input';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import type { VisitPlanView } from '../visit-plans/visit-plans.messages';
import { formBody, HEADER_FIELDS, HEADER_REQUIRED, headerValues } from './visit-form-header';
import { beijingToday, useVisitsT } from './visits.messages';

/** The scale's labels, left to right as on the paper form, each with its score (R-VISIT-2). */
const scale = (d: RatingDimension) => Object.entries(RATING_SCALES[d] as Record<string, number>);

type Values = Record<string, string>;
/** The API's field names: an error the API names lands beside the input that has that name. */
const FIELDS = [
  'customerId', 'visitedOn', 'basis.itemId', 'basis.reason', 'ratings.quality', 'ratings.service', 'ratings.awareness', 'findings', 'departments', 'suggestions',
  ...HEADER_FIELDS, 'form.signature', 'form.signature.signedBy', 'form.signature.signedOn',
] as const;

/** R-VISIT-1/2: one visit report (客户走访报告单): its header, the three ratings on the form's own scales, the customer's seal or signature. */
export function VisitReportForm({ onSubmitted }: { onSubmitted(answer: { id: string; position: number }): void }) {
  const { t } = useVisitsT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const uid = useId();
  const [basis, setBasis] = useState<'plan' | 'unplanned'>('plan');
  const [values, setValues] = useState<Values>(() => ({
    customerId: '', visitedOn: beijingToday(), 'basis.itemId': '', 'basis.reason': '', findings: '', departments: '', suggestions: '', ...headerValues(beijingToday()),
    ...Object.fromEntries(RATING_DIMENSIONS.map((d) => [`ratings.${d}`, scale(d)[0][0]])),
  }));
  const [errors, setErrors] = useState<Values>({});
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const planId = `${session.user.id}.${values.visitedOn.slice(0, 4)}`;
  const [planItems, setPlanItems] = useState<VisitPlanView['items']>([]);
  useEffect(() => {
    let live = true;
    api.get<VisitPlanView>(`/visit-plans/${encodeURIComponent(planId)}`).then((plan) => live && setPlanItems(plan.items), () => live && setPlanItems([]));
    return () => { live = false; };
  }, [api, planId]);
  // the plan's items for the chosen company, by month: the manager picks "3 月", never an item id
  const itemOptions = planItems.filter((i) => i.customerId === values.customerId).map((i) => [i.itemId, t('monthN', { n: i.month })] as const);
  const set = (name: string) => (value: string) => setValues((old) => ({ ...old, [name]: value }));
  const id = (name: string) => `${uid}-${name.replaceAll('.', '-')}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const required = ['customerId', 'visitedOn', basis === 'plan' ? 'basis.itemId' : 'basis.reason', ...HEADER_REQUIRED, 'form.signature.signedOn'];
    const missing = Object.fromEntries(required.filter((f) => !values[f].trim()).map((f) => [f, t('required')]));
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    const optional = (name: string) => (values[name].trim() ? values[name].trim() : undefined);
    const body = {
      customerId: values.customerId.trim(),
      visitedOn: values.visitedOn,
      basis: basis === 'plan' ? { kind: 'plan', planId, itemId: values['basis.itemId'].trim() } : { kind: 'unplanned', reason: values['basis.reason'].trim() },
      form: formBody(values),
      ratings: Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, values[`ratings.${d}`]])),
      findings: optional('findings'),
      departments: values.departments.split(/[,，\s]+/).filter(Boolean),
      suggestions: optional('suggestions'),
    };
    setBusy(true);
    try {
      onSubmitted(await api.post<{ id: string; position: number }>('/visit-reports', body));
    } catch (e) {
      setFailure(describeError(e, gt));
      if (e instanceof ApiError) setErrors(Object.fromEntries(FIELDS.flatMap((f) => { const m = e.messageFor(f); return m ? [[f, m]] : []; })));
    } finally {
      setBusy(false);
    }
  }

  const input = (name: (typeof FIELDS)[number], label: string, extra: { type?: 'date'; optional?: boolean; hint?: string } = {}) => (
    <LabelledInput key={name} id={id(name)} label={label} value={values[name]} onChange={set(name)} error={errors[name]} {...extra} />
  );

  return (
    <section className="card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('reportTitle')}</h2>
      <form className="command-form" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`} data-testid="visit-report-form">
        <p className="hint">{t('reportIntro', { year: values.visitedOn.slice(0, 4) })}</p>
        <div className="form-row">
          <div className="field">
            <label htmlFor={id('customerId')}>{t('customer')}</label>
            <CustomerPicker id={id('customerId')} value={values.customerId} onChange={(v) => setValues((old) => ({ ...old, customerId: v, 'basis.itemId': '' }))} invalid={Boolean(errors.customerId)} describedBy={errors.customerId ? `${id('customerId')}-error` : undefined} />
            {errors.customerId ? <span id={`${id('customerId')}-error`} className="field-error">{errors.customerId}</span> : null}
          </div>
          {input('visitedOn', t('visitedOn'), { type: 'date' })}
          <LabelledSelect id={id('basis')} label={t('basis')} value={basis} onChange={(v) => setBasis(v as 'plan' | 'unplanned')} options={[['plan', t('basis.plan')], ['unplanned', t('basis.unplanned')]]} />
          {basis === 'plan'
            ? <LabelledSelect id={id('basis.itemId')} label={t('itemId')} value={values['basis.itemId']} onChange={set('basis.itemId')} error={errors['basis.itemId']} hint={values.customerId && itemOptions.length === 0 ? t('noPlanItem', { year: values.visitedOn.slice(0, 4) }) : undefined} options={[['', t('choose')], ...itemOptions]} />
            : input('basis.reason', t('reason'))}
        </div>
        <fieldset className="form-row">
          <legend>{t('headerTitle')}</legend>
          {HEADER_FIELDS.map((f) => input(f, t(f), { optional: !HEADER_REQUIRED.includes(f) }))}
        </fieldset>
        <div className="form-row">
          {RATING_DIMENSIONS.map((d) => {
            const name = `ratings.${d}`;
            const score = (RATING_SCALES[d] as Record<string, number>)[values[name]];
            return (
              <div key={d} className="field rating-field">
                <label htmlFor={id(name)}>{t(d)}</label>
                <div className="rating-pick">
                  <select
                    id={id(name)}
                    value={values[name]}
                    onChange={(e) => set(name)(e.target.value)}
                    aria-invalid={errors[name] ? true : undefined}
                    aria-describedby={`${id(name)}-score${errors[name] ? ` ${id(name)}-error` : ''}`}
                  >
                    {scale(d).map(([label, points]) => (
                      <option key={label} value={label} data-score={points}>{label}</option>
                    ))}
                  </select>
                  <output id={`${id(name)}-score`} htmlFor={id(name)} className="badge badge-primary" data-testid={`score-${d}`}>{t('score', { n: score })}</output>
                </div>
                {errors[name] ? <span id={`${id(name)}-error`} className="field-error">{errors[name]}</span> : null}
              </div>
            );
          })}
        </div>
        {input('findings', t('findings'), { optional: true })}
        {input('departments', t('departments'), { optional: true })}
        {input('suggestions', t('suggestions'), { optional: true })}
        <fieldset className="form-row">
          <legend>{t('signatureTitle')}</legend>
          <LabelledSelect id={id('form.signature')} label={t('form.signature')} value={values['form.signature']} onChange={set('form.signature')} error={errors['form.signature']} options={[['sealed', t('sealed')], ['signed', t('signedOnly')]]} />
          {input('form.signature.signedBy', t('form.signature.signedBy'), { optional: true })}
          {input('form.signature.signedOn', t('form.signature.signedOn'), { type: 'date' })}
        </fieldset>
        <ErrorAlert error={failure} />
        <div className="toolbar">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('sending') : t('submit')}</button>
        </div>
      </form>
    </section>
  );
}
