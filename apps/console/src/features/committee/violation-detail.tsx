import { DecideViolationCase, Sanction, VIOLATION_VOCABULARY } from '@crm/committee';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { CommandCard } from '../record-kit/command-card';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import { COMMITTEE_WORDING, type ViolationView } from './committee-view';
import { useCommitteeT } from './committee.messages';
import { stateWords } from './proposal-list';

const SANCTIONS = Sanction.shape.kind.options;

/** One case: the report and its evidence, then the committee's decision; the chair records it while the case is open. */
export function ViolationDetail({ caseId, since }: { caseId: string; since?: number }) {
  const { t, lang } = useCommitteeT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [view, setView] = useState<ViolationView | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>(since);
  const [done, setDone] = useState<string | null>(null);
  const opened = view?.events.find((e) => e.type === 'ViolationCaseOpened')?.data as ViolationView['events'][0]['data'] | undefined;
  const decidedEvent = view?.events.find((e) => e.type === 'ViolationCaseDecided');
  const decided = decidedEvent?.type === 'ViolationCaseDecided' ? decidedEvent.data : undefined;
  const report = opened && 'description' in opened ? opened : undefined;
  const names = useNames([report?.by, report?.chairId, decided?.by], [report?.customerId]);

  const load = useCallback(async () => {
    try { setView(await api.get<ViolationView>(`/committee/violations/${encodeURIComponent(caseId)}`)); setError(null); } catch (e) { setError(describeError(e, gt)); }
  }, [api, gt, caseId]);
  useEffect(() => void load(), [load, position]);

  const who = (id: string | null | undefined) => personLabel(names, id, lang);
  return (
    <article className="stack" data-testid="violation-detail">
      <p><a href={`#${featurePath('committee')}`}>{t('back')}</a></p>
      <ErrorAlert error={error} />
      {done ? <p className="alert alert-success" role="status">{done}</p> : null}
      {view && report ? (
        <section className="card" aria-labelledby="violation-title">
          <div className="card-header">
            <h2 id="violation-title">{t(`kind.${report.kind}` as 'kind.price')} · {report.customerId ? customerLabel(names, report.customerId, lang, true) : t('noCustomer')}</h2>
            <span className="badge badge-primary" data-state={view.state}>{stateWords(VIOLATION_VOCABULARY, view.state, lang)}</span>
          </div>
          <p className="muted">{t('openedBy', { by: who(report.by), at: formatInstant(report.at) })} · {t('caseChair', { chair: who(report.chairId) })}</p>
          <p className="prewrap">{report.description}</p>
          {report.evidence.length > 0 ? <ul data-testid="violation-evidence">{report.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul> : null}
          {view.state === 'open' && report.chairId !== session.user.id ? <p className="hint">{t('waitingChair')}</p> : null}
        </section>
      ) : null}
      {decided ? (
        <section className="card" aria-labelledby="violation-decision-title" data-testid="violation-decision">
          <h2 id="violation-decision-title">{t('decisionTitle')}</h2>
          <p className="muted">{t('decidedBy', { by: who(decided.by), at: formatInstant(decided.at) })}</p>
          <dl className="kv">
            <dt>{t('finding')}</dt><dd>{t(`finding.${decided.finding}`)}</dd>
            {decided.sanction ? <><dt>{t('sanction')}</dt><dd>{t(`sanction.${decided.sanction.kind}` as 'sanction.fine')}：{decided.sanction.detail}</dd></> : null}
          </dl>
          <p className="prewrap">{decided.decision}</p>
        </section>
      ) : null}
      {view?.state === 'open' && report?.chairId === session.user.id ? (
        <section className="card" aria-label={t('decisionTitle')}>
          <CommandCard title={t('decisionTitle')} schema={DecideViolationCase} wording={COMMITTEE_WORDING} call={(b) => api.post<CommandAnswer>(`/committee/violations/${encodeURIComponent(caseId)}/decision`, b)}
            submitLabel={t('decideButton')} success={null} onDone={(p) => { setDone(t('decided')); setPosition(p); }} initial={{ finding: 'upheld', sanction: '' }}
            fields={[
              { name: 'finding', label: t('finding'), kind: 'select', options: (['upheld', 'dismissed'] as const).map((f) => ({ value: f, label: t(`finding.${f}`) })) },
              { name: 'decision', label: t('decisionText'), kind: 'textarea' },
              { name: 'sanction', label: t('sanction'), kind: 'select', options: [{ value: '', label: t('sanctionNone') }, ...SANCTIONS.map((s) => ({ value: s, label: t(`sanction.${s}`) }))] },
              { name: 'sanction.detail', label: t('sanctionDetail'), kind: 'textarea' },
            ]}
            body={(v) => ({ finding: v('finding'), decision: v('decision'), sanction: v('sanction') ? { kind: v('sanction'), detail: v('sanction.detail') } : null })}
            confirm={{ question: t('decideConfirm'), label: t('decideConfirmButton') }} />
        </section>
      ) : null}
    </article>
  );
}
