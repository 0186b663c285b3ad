import { DraftDevelopmentPlan, ReviseDevelopmentPlan } from '@crm/development';
import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { removeRow, rowValues } from '../customers/records/line-rows';
import { PickerField } from '../committee/picker-field';
import { randomId } from '../record-kit/random-id';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import type { PlanDetail, Prospect } from './development.messages';
import { useDevelopmentT } from './development.messages';
import { beijingDateOf, endOfBeijingDay, PLAN_WORDING } from './plan-wording';

const TARGET_FIELDS = ['prospectId', 'goal', 'targetTonnes', 'customerManagerId'] as const;
const SUPPORT_FIELDS = ['department', 'request'] as const;
const DraftBody = DraftDevelopmentPlan.omit({ planId: true }).strict();
const ReviseBody = ReviseDevelopmentPlan.strict();

type Content = NonNullable<PlanDetail['content']>;

function initialOf(content: Content | null): Record<string, string> {
  if (!content) return {};
  const values: Record<string, string> = { quarter: content.quarter, deadline: beijingDateOf(content.deadline), budgetYuan: String(content.budgetYuan) };
  content.targets.forEach((x, i) => {
    values[`targets.${i}.prospectId`] = x.prospectId;
    values[`targets.${i}.goal`] = x.goal;
    values[`targets.${i}.targetTonnes`] = x.targetTonnes === null ? '' : String(x.targetTonnes);
    values[`targets.${i}.customerManagerId`] = x.customerManagerId ?? '';
  });
  content.supportRequested.forEach((s, i) => { values[`supportRequested.${i}.department`] = s.department; values[`supportRequested.${i}.request`] = s.request; });
  return values;
}

/**
 * R-DEV-2 (季度客户开发计划): a new plan — the quarter, its deadline and budget, a target per key
 * prospect (picked by company name; split to the manager who keeps it), support asked of other
 * departments — or the draft revised with a reason (`plan` given).
 */
export function PlanForm({ plan, onSent }: { plan?: { id: string; content: Content }; onSent(id: string, position: number): void }) {
  const { t } = useDevelopmentT();
  const { api } = useSignedIn();
  const form = useRecordForm(initialOf(plan?.content ?? null), { wording: PLAN_WORDING });
  // each row's target id, which the form does not show (a revision keeps the ids progress is recorded against)
  const [rows, setRows] = useState<string[]>(() => plan?.content.targets.map((x) => x.targetId) ?? [randomId('t')]);
  const [support, setSupport] = useState(plan?.content.supportRequested.length ?? 0);
  const [prospects, setProspects] = useState<Prospect[]>([]);
  useEffect(() => {
    api.get<{ items: Prospect[] }>('/prospects').then((page) => setProspects(page.items), () => undefined);
  }, [api]);
  const chosen = new Set(plan?.content.targets.map((x) => x.prospectId) ?? []);
  const options = [{ value: '', label: t('choose') }, ...prospects.filter((p) => p.status === 'active' || chosen.has(p.prospectId)).map((p) => ({ value: p.prospectId, label: `${p.companyName}（${p.region}）` }))];

  async function submit() {
    const targets = rowValues('targets', rows.length, TARGET_FIELDS, form.value).map((r, i) => ({
      targetId: rows[i], prospectId: r.prospectId, goal: r.goal, targetTonnes: numberOf(r.targetTonnes) ?? null,
      // none named: the API splits the target to the manager who keeps its prospect
      ...(r.customerManagerId ? { customerManagerId: r.customerManagerId } : {}),
    }));
    const content = {
      quarter: form.value('quarter').trim(), deadline: endOfBeijingDay(form.value('deadline')), budgetYuan: numberOf(form.value('budgetYuan')),
      targets, supportRequested: rowValues('supportRequested', support, SUPPORT_FIELDS, form.value),
    };
    if (plan) {
      const body = { ...content, reason: form.value('reason') };
      if (!form.check(ReviseBody, body)) return;
      const answer = await form.send(() => api.post<CommandAnswer>(`/development-plans/${encodeURIComponent(plan.id)}/revise`, body), () => t('revised'));
      if (answer) onSent(plan.id, answer.position);
    } else {
      if (!form.check(DraftBody, content)) return;
      const answer = await form.send(() => api.post<CommandAnswer & { id: string }>('/development-plans', content), () => t('drafted'), { reset: true });
      if (answer) onSent(answer.id, answer.position);
    }
  }

  return (
    <RecordFormFrame title={plan ? t('reviseTitle') : t('draftTitle')} intro={plan ? t('reviseIntro') : t('draftIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="quarter" label={t('quarter')} hint={t('quarterHint')} narrow />
        <RecordField form={form} name="deadline" label={t('deadlineDate')} kind="date" narrow />
        <RecordField form={form} name="budgetYuan" label={t('budget')} kind="number" narrow />
      </div>
      <h4>{t('targetsTitle')}</h4>
      {rows.map((row, i) => (
        <fieldset key={row} className="form-row" data-testid="plan-target-row">
          <legend className="visually-hidden">{t('targetN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`targets.${i}.prospectId`} label={t('prospect')} kind="select" options={options} />
          <RecordField form={form} name={`targets.${i}.goal`} label={t('goal')} />
          <RecordField form={form} name={`targets.${i}.targetTonnes`} label={t('targetTonnesOptional')} kind="number" narrow />
          <PickerField form={form} name={`targets.${i}.customerManagerId`} label={t('splitTo')} kind="person" role="customer_manager" />
          {rows.length > 1 ? (
            <button type="button" className="button button-ghost" onClick={() => { removeRow('targets', i, rows.length, TARGET_FIELDS, form); setRows(rows.filter((_, j) => j !== i)); }}>{t('removeRow', { n: i + 1 })}</button>
          ) : null}
        </fieldset>
      ))}
      {form.errors.targets ? <p className="field-error">{form.errors.targets}</p> : null}
      <button type="button" className="button button-secondary" onClick={() => setRows([...rows, randomId('t')])}>{t('addTarget')}</button>
      <h4>{t('supportTitle')}</h4>
      {Array.from({ length: support }, (_, i) => (
        <fieldset key={i} className="form-row">
          <legend className="visually-hidden">{t('supportN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`supportRequested.${i}.department`} label={t('supportDepartment')} narrow />
          <RecordField form={form} name={`supportRequested.${i}.request`} label={t('supportRequest')} />
          <button type="button" className="button button-ghost" onClick={() => { removeRow('supportRequested', i, support, SUPPORT_FIELDS, form); setSupport(support - 1); }}>{t('removeSupport', { n: i + 1 })}</button>
        </fieldset>
      ))}
      <button type="button" className="button button-secondary" onClick={() => setSupport(support + 1)}>{t('addSupport')}</button>
      {plan ? <RecordField form={form} name="reason" label={t('reviseReason')} kind="textarea" /> : null}
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{plan ? t('revise') : t('draft')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
