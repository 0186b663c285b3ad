import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { auditApi, type HistoryEntry, type StateSummary } from './audit.api';
import type { Wording } from '@crm/workflow-kit';
import type { AuditT } from './audit.messages';

/** Every event of the customer's streams in global order: who, when, what, state before → after. */
export function AuditTimeline({ at, customerId, onLoaded, selectedPosition }: { at: AuditT; customerId: string; onLoaded(entries: HistoryEntry[]): void; selectedPosition: number | null }) {
  const { t, lang } = useI18n();
  const say = (w: Wording) => (lang === 'en' ? w.en : w.zh);
  const { api } = useSignedIn();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [page, setPage] = useState<{ total: number; nextOffset: number | null } | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [hideTimers, setHideTimers] = useState(false);
  const shown = hideTimers ? entries.filter((e) => !e.type.startsWith('Timer')) : entries;

  const loaded = useRef(onLoaded);
  loaded.current = onLoaded;

  const load = useCallback(
    async (offset: number, previous: HistoryEntry[]) => {
      try {
        const result = await auditApi.history(api, customerId, offset);
        const all = [...previous, ...result.entries];
        setEntries(all);
        setPage({ total: result.total, nextOffset: result.nextOffset });
        setError(null);
        loaded.current(all);
      } catch (e) {
        setError(describeError(e, t));
      }
    },
    [api, customerId, t],
  );
  useEffect(() => {
    setEntries([]);
    setPage(null);
    void load(0, []);
  }, [load]);

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">{at.t('timelineTitle')}</h2>
        <div className="toolbar">
          <label className="timeline-filter">
            <input type="checkbox" checked={hideTimers} onChange={(e) => setHideTimers(e.target.checked)} />
            {at.t('hideTimers')}
          </label>
          {page ? <span className="muted small">{at.t('total', { n: page.total })}</span> : null}
        </div>
      </div>
      <ErrorAlert error={error} />
      {!page && !error ? <p className="muted">{at.t('loading')}</p> : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table timeline-table" data-testid="timeline">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{at.t('when')}</th>
                <th scope="col">{at.t('who')}</th>
                <th scope="col">{at.t('type')}</th>
                <th scope="col">{at.t('state')}</th>
                <th scope="col">{at.t('changes')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const future = selectedPosition !== null && e.position > selectedPosition;
                return (
                  <tr key={e.position} data-type={e.type} className={future ? 'row-future' : undefined}>
                    <td className="mono small">
                      {e.position}
                      {future ? <span className="visually-hidden">{at.t('afterMoment')}</span> : null}
                    </td>
                    <td className="nowrap">{formatInstant(e.occurredAt)}</td>
                    <td className="nowrap" title={e.actor}>{say(e.actorLabel)}</td>
                    <th scope="row">
                      <span className="event-type" title={e.type}>{say(e.title)}</span>
                      <span className="stream-id mono">{e.streamId}</span>
                    </th>
                    <td className="nowrap">
                      <StateChip state={e.stateBefore} say={say} /> <span aria-hidden="true">→</span>
                      <span className="visually-hidden">→</span> <StateChip state={e.stateAfter} say={say} />
                    </td>
                    <td>
                      <Changes at={at} entry={e} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {page?.nextOffset != null ? (
        <button type="button" className="button button-secondary" onClick={() => void load(page.nextOffset ?? 0, entries)}>
          {at.t('more')}
        </button>
      ) : null}
    </section>
  );
}

function StateChip({ state, say }: { state: StateSummary; say(w: Wording): string }) {
  return (
    <span className={`state-chip${state.done ? ' state-done' : ''}`} title={state.state ?? undefined}>
      {state.label ? say(state.label) : (state.state ?? '—')}
    </span>
  );
}

const show = (v: unknown) => (v === undefined || v === null ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function Changes({ at, entry }: { at: AuditT; entry: HistoryEntry }) {
  if (entry.changes.length === 0) return <span className="muted">{at.t('noChanges')}</span>;
  const [first, ...rest] = entry.changes;
  const line = (c: HistoryEntry['changes'][number]) => (
    <li key={c.path}>
      <code>{c.path}</code>: <span className="change-before">{clip(show(c.before))}</span> → <span className="change-after">{clip(show(c.after))}</span>
    </li>
  );
  return (
    <ul className="list-plain changes">
      {line(first)}
      {rest.length > 0 ? (
        <li>
          <details>
            <summary>+{rest.length}</summary>
            <ul className="list-plain">{rest.map(line)}</ul>
          </details>
        </li>
      ) : null}
    </ul>
  );
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
