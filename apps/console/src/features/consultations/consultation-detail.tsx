import { AnswerConsultation } from '@crm/complaints';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { CommandCard } from '../record-kit/command-card';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { mayDecide, useMyTasks } from '../record-kit/my-tasks';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import { CHANNELS, useConsultationsT } from './consultations.messages';

interface ConsultationView {
  id: string; state: 'recorded' | 'answered';
  record: { customerId: string; receivedAt: string; channel: string; question: string; loggedBy: string };
  sla: { workingDays: number; due: string; breached: boolean } | null;
  answer: { text: string; channel: string; by: string; at: string; withinDeadline: boolean } | null;
}

/** One enquiry from its stream: the record, the deadline, the answer — and the answer form while it is the viewer's to give. */
export function ConsultationDetail({ id, since }: { id: string; since?: number }) {
  const { t, lang } = useConsultationsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [view, setView] = useState<ConsultationView | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState(since);
  const { tasks } = useMyTasks(['consultation.answer'], position);
  const names = useNames([view?.record.loggedBy, view?.answer?.by], [view?.record.customerId]);
  const load = useCallback(async () => {
    try { setView(await api.get<ConsultationView>(`/consultations/${encodeURIComponent(id)}`)); setError(null); } catch (e) { setError(describeError(e, gt)); }
  }, [api, gt, id]);
  useEffect(() => void load(), [load, position]);
  const channel = (c: string) => t(`channel.${c}` as 'channel.phone');

  return (
    <article className="stack" data-testid="consultation-detail">
      <p><a href={`#${featurePath('consultations')}`}>{t('back')}</a></p>
      <ErrorAlert error={error} />
      {view ? (
        <section className="card" aria-labelledby="consultation-title">
          <div className="card-header">
            <h2 id="consultation-title">{customerLabel(names, view.record.customerId, lang, true)}</h2>
            <span className={`badge ${view.state === 'answered' ? 'badge-success' : 'badge-warning'}`} data-state={view.state}>{t(`status.${view.state}`)}</span>
          </div>
          <dl className="kv">
            <dt>{t('receivedAt')}</dt><dd>{formatInstant(view.record.receivedAt)}</dd>
            <dt>{t('channel')}</dt><dd>{channel(view.record.channel)}</dd>
            <dt>{t('loggedBy')}</dt><dd>{personLabel(names, view.record.loggedBy, lang)}</dd>
            {view.sla ? <><dt>{t('due')}</dt><dd>{t('dueLine', { due: formatInstant(view.sla.due), days: view.sla.workingDays })}{view.sla.breached ? <span className="badge badge-danger"> {t('breached')}</span> : null}</dd></> : null}
          </dl>
          <h3>{t('question')}</h3>
          <p className="prewrap">{view.record.question}</p>
          {view.answer ? (
            <div data-testid="consultation-answer">
              <h3>{t('answer')}</h3>
              <p className="prewrap">{view.answer.text}</p>
              <p className="muted">{t('answeredBy', { by: personLabel(names, view.answer.by, lang), at: formatInstant(view.answer.at), channel: channel(view.answer.channel), late: view.answer.withinDeadline ? '' : t('late') })}</p>
            </div>
          ) : null}
        </section>
      ) : null}
      {view?.state === 'recorded' && mayDecide(tasks, id, 'AnswerConsultation') ? (
        <section className="card">
          <CommandCard title={t('answerTitle')} initial={{ channel: 'phone' }}
            fields={[{ name: 'channel', label: t('answerChannel'), kind: 'select', options: CHANNELS.map((c) => ({ value: c, label: channel(c) })), narrow: true }, { name: 'answer', label: t('answer'), kind: 'textarea' }]}
            body={(v) => ({ channel: v('channel'), answer: v('answer') })} schema={AnswerConsultation.strict()} call={(body) => api.post<CommandAnswer>(`/consultations/${encodeURIComponent(id)}/answer`, body)}
            submitLabel={t('send')} success={t('answered')} onDone={setPosition} />
        </section>
      ) : null}
    </article>
  );
}
