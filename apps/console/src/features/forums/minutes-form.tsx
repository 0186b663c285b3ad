import { FileForumMinutes } from '@crm/relationship';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { removeRow, rowValues } from '../customers/records/line-rows';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { linesOf } from '../surveys/survey-view';
import { DEPARTMENTS, useForumsT } from './forums.messages';
import { PeopleRows, PERSON_FIELDS } from './people-rows';
import { RECORD_WORDING } from '../customers/records/field-issues';

const FOLLOW_UP_FIELDS = ['action', 'department', 'dueOn'] as const;
const MinutesBody = FileForumMinutes.omit({ forumId: true }).strict();

/** R-FORUM-1 (做好客户座谈会记录): the minutes of the forum held under its approved plan, with follow-ups for their departments. */
export function MinutesForm({ forumId, onFiled }: { forumId: string; onFiled(position: number): void }) {
  const { t } = useForumsT();
  const { api } = useSignedIn();
  const form = useRecordForm({}, { wording: RECORD_WORDING });
  const [attendees, setAttendees] = useState(1);
  const [followUps, setFollowUps] = useState(0);

  async function submit() {
    const body = {
      heldOn: form.value('heldOn'), title: form.value('title').trim() || undefined,
      attendees: rowValues('attendees', attendees, PERSON_FIELDS, form.value), topics: linesOf(form.value('topics')), minutes: form.value('minutes'),
      followUps: rowValues('followUps', followUps, FOLLOW_UP_FIELDS, form.value).map((f) => ({ action: f.action, department: f.department || DEPARTMENTS[0], ...(f.dueOn ? { dueOn: f.dueOn } : {}) })),
    };
    if (!form.check(MinutesBody, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/customer-forums/${encodeURIComponent(forumId)}/minutes`, body), () => t('filed'));
    if (answer) onFiled(answer.position);
  }

  return (
    <RecordFormFrame title={t('fileMinutes')} onSubmit={() => void submit()}>
      <RecordField form={form} name="heldOn" label={t('heldOn')} kind="date" narrow />
      <h4>{t('attendees')}</h4>
      <PeopleRows form={form} prefix="attendees" count={attendees} setCount={setAttendees} legend={(n) => t('attendeeN', { n })} add={t('addAttendee')} t={t} />
      <RecordField form={form} name="topics" label={t('topics')} kind="textarea" />
      <RecordField form={form} name="minutes" label={t('minutes')} kind="textarea" />
      <h4>{t('followUps')}</h4>
      {Array.from({ length: followUps }, (_, i) => (
        <fieldset key={i} className="form-row" data-testid="forum-follow-up">
          <legend className="visually-hidden">{t('followUpN', { n: i + 1 })}</legend>
          <RecordField form={form} name={`followUps.${i}.action`} label={t('action')} />
          <RecordField form={form} name={`followUps.${i}.department`} label={t('department')} kind="select" options={DEPARTMENTS.map((d) => ({ value: d, label: t(`dept.${d}`) }))} narrow />
          <RecordField form={form} name={`followUps.${i}.dueOn`} label={t('dueOn')} kind="date" narrow />
          <button type="button" className="button button-ghost" onClick={() => { removeRow('followUps', i, followUps, FOLLOW_UP_FIELDS, form); setFollowUps(followUps - 1); }}>{t('removeRow', { n: i + 1 })}</button>
        </fieldset>
      ))}
      <button type="button" className="button button-secondary" onClick={() => setFollowUps(followUps + 1)}>{t('addFollowUp')}</button>
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('fileMinutes')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
