import { type ArchiveCheckEvent, CloseArchiveCheck, RespondToArchiveCheck } from '@crm/customers';
import { useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { CommandCard } from '../record-kit/command-card';
import { customerLabel, type Names, personLabel, useNames } from '../record-kit/names';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { useArchiveT } from './archive-filings.messages';

interface CheckRow { checkId: string; period: string; status: 'awaiting_response' | 'responded' | 'closed'; scope: string; findings: number; checkerId: string; recordedAt: string; conclusion: string | null }
/** The check's stream as the API answers it: its domain events (the union) among the engine's own (tasks, timers). */
type StoredCheckEvent = ArchiveCheckEvent | { type: string; data: unknown };
interface CheckEvents { events: StoredCheckEvent[] }
const eventOf = <K extends ArchiveCheckEvent['type']>(events: readonly StoredCheckEvent[], type: K) =>
  events.find((e): e is Extract<ArchiveCheckEvent, { type: K }> => e.type === type);

/** R-ARC-3: the checks, newest period first; one opened shows its findings, the sales department answers them, the checker closes it. */
export function CheckList({ minPosition, onChanged }: { minPosition?: number; onChanged(position: number): void }) {
  const { t, lang } = useArchiveT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [rows, setRows] = useState<CheckRow[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const names = useNames(rows?.map((r) => r.checkerId) ?? []);
  useEffect(() => {
    api.get<{ items: CheckRow[] }>('/archive-checks', { minPosition }).then((r) => { setRows(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('checksTitle')}</h2>
      <ErrorAlert error={error} />
      {rows && rows.length === 0 ? <p className="empty">{t('checksNone')}</p> : null}
      {rows && rows.length > 0 ? (
        <ul className="record-list" data-testid="archive-checks">
          {rows.map((r) => (
            <li key={r.checkId} data-check={r.checkId} data-status={r.status}>
              <div className="card-header">
                <strong>{r.period} · {r.scope}</strong>
                <span className={`badge ${r.status === 'closed' ? 'badge-success' : 'badge-warning'}`}>{t(`checkState.${r.status}`)}</span>
              </div>
              <p className="muted">{t('checker')}：{personLabel(names, r.checkerId, lang)} · {formatInstant(r.recordedAt)} · {t('findingsN', { n: r.findings })}</p>
              {r.conclusion ? <p>{r.conclusion}</p> : null}
              <button type="button" className="button button-secondary" aria-expanded={opened === r.checkId} onClick={() => setOpened(opened === r.checkId ? null : r.checkId)}>{opened === r.checkId ? t('hide') : t('open')}</button>
              {opened === r.checkId ? <CheckDetail checkId={r.checkId} status={r.status} onChanged={onChanged} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function CheckDetail({ checkId, status, onChanged }: { checkId: string; status: CheckRow['status']; onChanged(position: number): void }) {
  const { t, lang } = useArchiveT();
  const { api, session } = useSignedIn();
  const [events, setEvents] = useState<CheckEvents['events']>([]);
  // the answer or closing form gives way once it is stored: the note is said here
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setNote(null), [lang]); // a note is worded in the language it came in
  const done = (text: string) => (position: number) => { setNote(text); onChanged(position); };
  useEffect(() => { api.get<CheckEvents>(`/archive-checks/${encodeURIComponent(checkId)}`).then((c) => setEvents(c.events), () => setEvents([])); }, [api, checkId, status]);
  const findings = eventOf(events, 'ArchiveCheckRecorded')?.data.findings ?? [];
  const responded = eventOf(events, 'ArchiveCheckResponded')?.data;
  const names: Names = useNames([responded?.respondedBy], findings.map((f) => f.customerId));
  const path = `/archive-checks/${encodeURIComponent(checkId)}`;
  return (
    <div className="stack" data-testid="check-detail">
      {note ? <p className="alert alert-success" role="status">{note}</p> : null}
      <ol>
        {findings.map((f) => (
          <li key={f.findingId}>
            {f.description} <span className="muted">{f.customerId ? customerLabel(names, f.customerId, lang, true) : t('wholeArchive')}</span>
            {responded ? <div>{t('responses')}：{responded.responses.find((x) => x.findingId === f.findingId)?.response}</div> : null}
          </li>
        ))}
      </ol>
      {responded ? <p className="muted">{personLabel(names, responded.respondedBy, lang)} · {formatInstant(responded.respondedAt)}</p> : null}
      {status === 'awaiting_response' && hasAnyRole(session.user, ['sales_reviewer']) && findings.length > 0 ? (
        <CommandCard title={t('respondTitle')} fields={findings.map((f, i) => ({ name: `responses.${i}.response`, label: t('response', { finding: f.description }), kind: 'textarea' as const }))}
          body={(v) => ({ responses: findings.map((f, i) => ({ findingId: f.findingId, response: v(`responses.${i}.response`) })) })}
          schema={RespondToArchiveCheck.strict()} call={(b) => api.post<CommandAnswer>(`${path}/response`, b)} submitLabel={t('respond')} success={null} onDone={done(t('responded'))} />
      ) : null}
      {status === 'responded' && hasAnyRole(session.user, ['parent_chemicals_sales']) ? (
        <CommandCard title={t('closeTitle')} fields={[{ name: 'conclusion', label: t('closeConclusion'), kind: 'textarea' }]} body={(v) => ({ conclusion: v('conclusion') })}
          schema={CloseArchiveCheck.strict()} call={(b) => api.post<CommandAnswer>(`${path}/close`, b)} submitLabel={t('close')} success={null} onDone={done(t('closed'))} />
      ) : null}
    </div>
  );
}
