import { Delegation } from '@crm/onboarding';
import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { personLabel, roleWord } from '../users/person-label';
import { useRecordForm } from '../record-kit/use-record-form';
import { type Colleague, useDelegationsT } from './delegations.messages';
import { adminWording } from '../users/field-check';

const DECIDING = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor'];

/**
 * A new delegation: a colleague picked by name among those holding the caller's deciding role
 * (GET /delegations/candidates), the role when the caller holds several, and the dates; checked
 * in the browser with the domain's own Delegation schema (order of dates, 90 days, not oneself).
 */
export function DelegationForm({ onCreated }: { onCreated(position: number): void }) {
  const { t } = useDelegationsT();
  const { lang } = useI18n();
  const { api, session } = useSignedIn();
  const mine = session.user.roles.filter((r) => DECIDING.includes(r));
  const form = useRecordForm({ delegateId: '', role: mine[0] ?? '', from: '', until: '' }, { wording: adminWording({ from: t('dateRule'), until: t('untilRule') }) });
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);

  useEffect(() => {
    api.get<{ items: Colleague[] }>('/delegations/candidates').then((r) => setColleagues(r.items), () => setColleagues([]));
  }, [api]);
  const role = form.value('role');
  const eligible = (colleagues ?? []).filter((c) => c.roles.includes(role));

  async function submit() {
    const body = { delegateId: form.value('delegateId'), ...(mine.length > 1 ? { role } : {}), from: form.value('from'), until: form.value('until') };
    const checked = { delegationId: 'new', delegatorId: session.user.id, role, ...body };
    if (!form.check(Delegation, checked)) return;
    const chosen = eligible.find((c) => c.username === body.delegateId);
    const answer = await form.send(
      () => api.post<{ position: number }>('/delegations', body),
      () => t('created', { name: chosen ? personLabel(chosen, lang) : '', from: body.from, until: body.until }),
      { reset: true },
    );
    if (answer) onCreated(answer.position);
  }

  if (colleagues && colleagues.length === 0) return <p className="alert alert-warning" role="status">{t('noCandidates')}</p>;
  return (
    <RecordFormFrame title={t('create')} intro={t('createIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        {mine.length > 1 ? <RecordField form={form} name="role" label={t('role')} kind="select" options={mine.map((r) => ({ value: r, label: roleWord(r, lang) }))} /> : null}
        <RecordField form={form} name="delegateId" label={t('delegate')} kind="select"
          options={[{ value: '', label: t('choose') }, ...eligible.map((c) => ({ value: c.username, label: personLabel(c, lang) }))]} />
        <RecordField form={form} name="from" label={t('from')} kind="date" />
        <RecordField form={form} name="until" label={t('until')} kind="date" />
      </div>
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('create')}</button></div>
    </RecordFormFrame>
  );
}
