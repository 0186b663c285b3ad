import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant, fromLocalInput } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { auditApi, type CustomerAsOf, type HistoryEntry } from './audit.api';
import type { AuditT } from './audit.messages';
import { AsOfView } from './as-of-view';

interface Props {
  at: AuditT;
  customerId: string;
  entries: readonly HistoryEntry[];
  /** the last event position included at the chosen moment (the timeline dims the later ones) */
  onMoment(position: number | null): void;
}

/** The customer AS OF a moment, picked with a date/time input or by stepping through the events. */
export function AsOfPanel({ at, customerId, entries, onMoment }: Props) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [moment, setMoment] = useState<string | null>(null);
  const [answer, setAnswer] = useState<CustomerAsOf | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const last = entries[entries.length - 1];
  const chosen = moment ?? last?.occurredAt ?? null;
  const index = chosen ? entries.filter((e) => Date.parse(e.occurredAt) <= Date.parse(chosen)).length : 0;

  useEffect(() => {
    if (!chosen) return undefined;
    // every read is recorded for the auditor: wait until the slider rests
    const timer = window.setTimeout(() => {
      auditApi.asOf(api, customerId, chosen).then(
        (a) => (setAnswer(a), setError(null)),
        (e) => setError(describeError(e, t)),
      );
    }, 350);
    return () => window.clearTimeout(timer);
  }, [api, customerId, chosen, t]);
  useEffect(() => onMoment(index > 0 ? entries[index - 1].position : null), [index, entries, onMoment]);

  return (
    <section className="card" aria-labelledby="asof-title">
      <h2 id="asof-title">{at.t('asOfTitle')}</h2>
      <p className="muted small">{at.t('asOfIntro')}</p>
      <div className="asof-controls">
        <div className="field">
          <label htmlFor="asof-at">{at.t('at')}</label>
          <input id="asof-at" type="datetime-local" step={60} value={chosen ? formatInstant(chosen).replace(' ', 'T') : ''} onChange={(e) => e.target.value && setMoment(fromLocalInput(e.target.value))} />
        </div>
        {entries.length > 0 ? (
          <div className="field asof-slider">
            <label htmlFor="asof-slider">{at.t('slider')}</label>
            <input
              id="asof-slider"
              type="range"
              min={1}
              max={entries.length}
              step={1}
              value={Math.max(1, index)}
              aria-valuetext={chosen ? at.t('sliderValue', { i: index, n: entries.length, when: formatInstant(chosen) }) : undefined}
              onChange={(e) => setMoment(entries[Number(e.target.value) - 1].occurredAt)}
            />
            <span className="hint">{chosen ? at.t('sliderValue', { i: index, n: entries.length, when: formatInstant(chosen) }) : null}</span>
          </div>
        ) : null}
      </div>
      <ErrorAlert error={error} />
      {answer ? <AsOfView at={at} answer={answer} /> : null}
    </section>
  );
}
