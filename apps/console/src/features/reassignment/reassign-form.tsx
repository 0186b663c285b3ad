import { ReassignTaskBody } from '@crm/workflow-kit';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { FormOutcome, RecordField } from '../customers/records/record-fields';
import { type Person, personLabel } from '../users/person-label';
import { useRecordForm } from '../record-kit/use-record-form';
import { taskTitle } from '../inbox/task-titles';
import { type OpenTask, useReassignT } from './reassignment.messages';
import { adminWording } from '../users/field-check';

/** Whom a task may go to: an active person holding one of its roles, other than its assignee; the API's guards decide the rest. */
export function ReassignForm({ task, people, onDone, onCancel }: { task: OpenTask; people: ReadonlyArray<Person & { username: string; disabled: boolean }>; onDone(note: string): void; onCancel(): void }) {
  const { t } = useReassignT();
  const { lang } = useI18n();
  const { api } = useSignedIn();
  const form = useRecordForm({ to: '', reason: '' }, { wording: adminWording() });
  const eligible = people.filter((p) => !p.disabled && p.username !== task.assignee && p.roles.some((r) => task.roles.includes(r)));

  async function submit() {
    const reason = form.value('reason').trim();
    const body = { to: form.value('to'), ...(reason ? { reason } : {}) };
    if (!form.check(ReassignTaskBody, body)) return;
    const chosen = eligible.find((p) => p.username === body.to);
    const note = t('done', { task: taskTitle(task, lang), name: chosen ? personLabel(chosen, lang) : '' });
    const answer = await form.send(() => api.post(`/tasks/${encodeURIComponent(task.taskId)}/reassign`, body).then(() => true), () => note);
    if (answer) onDone(note);
  }

  if (eligible.length === 0) return <p className="alert alert-warning" role="status">{t('noOne')}</p>;
  return (
    <form className="command-form" aria-label={`${t('reassign')}：${taskTitle(task, lang)}`} noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="reassign-form">
      <div className="form-row">
        <RecordField form={form} name="to" label={t('to')} kind="select" options={[{ value: '', label: t('choose') }, ...eligible.map((p) => ({ value: p.username, label: personLabel(p, lang) }))]} />
        <RecordField form={form} name="reason" label={t('reason')} />
      </div>
      <FormOutcome form={form} />
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('send')}</button>
        <button type="button" className="button button-secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
