import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { ConfirmStep, FormOutcome } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from '../users/field-check';
import { useProjectionsT, viewWord } from './projections.messages';

interface Rebuild { name: string; position: number; target: number; startedAt: string; finishedAt: string | null; events: number | null; ms: number | null; error: string | null }
interface Projection { name: string; version: number; leading: boolean; lastError: string | null; position: number; lag: number; rebuild: Rebuild | null }
interface Overview { headPosition: number; projections: Projection[] }

const OVERVIEW = '/admin/projections';

/** Every read model with its position against the log's head; a rebuild after a confirmation, followed until it ends. */
export function ProjectionsTable() {
  const { t, lang } = useProjectionsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [confirming, setConfirming] = useState<Projection | null>(null);
  const run = useRecordForm({}, { wording: adminWording() });

  const load = useCallback(() => {
    api.get<Overview>(OVERVIEW).then((o) => { setOverview(o); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt]);
  useEffect(load, [load]);
  // while a rebuild runs, its progress is read again every second
  const running = overview?.projections.some((p) => p.rebuild && p.rebuild.finishedAt === null) ?? false;
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(load, 1000);
    return () => window.clearInterval(timer);
  }, [running, load]);

  async function rebuild(p: Projection) {
    const started = await run.send(() => api.post<Rebuild>(`${OVERVIEW}/${encodeURIComponent(p.name)}/rebuild`), () => t('started', { view: viewWord(p.name, lang) }));
    setConfirming(null);
    if (started) load();
  }

  const rebuildText = (r: Rebuild | null) => {
    if (!r) return t('never');
    if (r.finishedAt === null) return t('running', { position: r.position, target: r.target });
    if (r.error) return t('rebuildFailed', { at: formatInstant(r.finishedAt), error: r.error });
    return t('rebuilt', { at: formatInstant(r.finishedAt), events: r.events ?? 0, seconds: ((r.ms ?? 0) / 1000).toFixed(1) });
  };

  return (
    <section className="card stack" aria-labelledby="projections-title" data-testid="projections">
      <div className="toolbar">
        <h2 id="projections-title" className="section-title">{overview ? t('head', { head: overview.headPosition }) : t('loading')}</h2>
        <button type="button" className="button button-secondary button-small" onClick={load}>{t('refresh')}</button>
      </div>
      <ErrorAlert error={error} />
      {confirming ? (
        <ConfirmStep question={t('rebuildConfirm', { view: viewWord(confirming.name, lang) })} confirmLabel={t('rebuildButton')} busy={run.busy}
          onConfirm={() => void rebuild(confirming)} onCancel={() => setConfirming(null)} />
      ) : null}
      <FormOutcome form={run} />
      {overview ? (
        <table className="data-table" data-testid="projections-table">
          <thead><tr><th scope="col">{t('view')}</th><th scope="col">{t('position')}</th><th scope="col">{t('state')}</th><th scope="col">{t('lastRebuild')}</th><th scope="col"><span className="visually-hidden">{t('rebuild')}</span></th></tr></thead>
          <tbody>
            {[...overview.projections].sort((a, b) => viewWord(a.name, lang).localeCompare(viewWord(b.name, lang), lang)).map((p) => (
              <tr key={p.name} data-projection={p.name}>
                <td>{viewWord(p.name, lang)}</td>
                <td>{t('positionValue', { position: p.position, head: overview.headPosition })}<br /><span className={p.lag > 0 ? 'field-error' : 'hint'}>{p.lag <= 0 ? t('caughtUp') : t('behind', { n: p.lag })}</span></td>
                <td>{p.lastError ? <span className="field-error">{t('failing', { error: p.lastError })}</span> : p.leading ? t('leading') : t('following')}</td>
                <td>{rebuildText(p.rebuild)}</td>
                <td>
                  <button type="button" className="button button-ghost button-small" aria-label={t('rebuildOf', { view: viewWord(p.name, lang) })}
                    disabled={!!p.rebuild && p.rebuild.finishedAt === null} onClick={() => setConfirming(p)}>{t('rebuild')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
