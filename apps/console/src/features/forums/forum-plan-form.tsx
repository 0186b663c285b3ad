import { ReviseForumPlan } from '@crm/relationship';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { rowValues } from '../customers/records/line-rows';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { linesOf } from '../surveys/survey-view';
import type { ForumPlan } from './forum-view';
import { useForumsT } from './forums.messages';
import { PeopleRows, PERSON_FIELDS } from './people-rows';
import { RECORD_WORDING } from '../customers/records/field-issues';

function initialOf(plan: ForumPlan | null): Record<string, string> {
  if (!plan) return {};
  const values: Record<string, string> = { title: plan.title, plannedOn: plan.plannedOn, venue: plan.venue ?? '', agenda: plan.agenda.join('\n'), budgetYuan: String(plan.budgetYuan) };
  plan.invitees.forEach((p, i) => { values[`invitees.${i}.name`] = p.name; values[`invitees.${i}.organisation`] = p.organisation; });
  return values;
}

/** R-FORUM-1 (编制客户座谈会筹备计划): a new plan, or a returned one revised (`forumId` given). */
export function ForumPlanForm({ returned, onSent }: { returned?: { forumId: string; plan: ForumPlan }; onSent(id: string, position: number): void }) {
  const { t } = useForumsT();
  const { api } = useSignedIn();
  const form = useRecordForm(initialOf(returned?.plan ?? null), { wording: RECORD_WORDING });
  const [invitees, setInvitees] = useState(returned?.plan.invitees.length || 1);

  async function submit() {
    const body = {
      title: form.value('title'), plannedOn: form.value('plannedOn'), venue: form.value('venue').trim() || undefined,
      invitees: rowValues('invitees', invitees, PERSON_FIELDS, form.value), agenda: linesOf(form.value('agenda')), budgetYuan: numberOf(form.value('budgetYuan')),
    };
    // the same fields either way: SubmitForumPlan adds only the forum's id, which the server assigns
    if (!form.check(ReviseForumPlan.strict(), body)) return;
    const answer = await form.send(
      () => (returned ? api.post<CommandAnswer & { id: string }>(`/customer-forums/${encodeURIComponent(returned.forumId)}/revise`, body) : api.post<CommandAnswer & { id: string }>('/customer-forums', body)),
      () => (returned ? t('resubmitted') : t('submitted')),
    );
    if (answer) onSent(answer.id, answer.position);
  }

  return (
    <RecordFormFrame title={returned ? t('reviseTitle') : t('planTitle')} intro={t('planIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="title" label={t('title')} />
        <RecordField form={form} name="plannedOn" label={t('plannedOn')} kind="date" narrow />
        <RecordField form={form} name="venue" label={t('venue')} />
      </div>
      <h4>{t('invitees')}</h4>
      <PeopleRows form={form} prefix="invitees" count={invitees} setCount={setInvitees} legend={(n) => t('inviteeN', { n })} add={t('addInvitee')} t={t} />
      <RecordField form={form} name="agenda" label={t('agenda')} kind="textarea" />
      <RecordField form={form} name="budgetYuan" label={t('budget')} kind="number" narrow />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('submit')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
