import { pickupCsvTemplate } from '@crm/customers';
import { useId, useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { useI18n } from '../../../i18n/i18n.context';
import { ErrorAlert } from '../../../shell/error-alert';
import { customerLabel, useNames } from '../../record-kit/names';
import { ConfirmStep } from './record-fields';
import { downloadCsv, type ImportOutcome, importRefusal } from './import-outcome';
import { useRecordsT } from './records.messages';

/** POST /pickups/import's answer (apps/api/src/customers/pickup-import.ts). */
interface Imported { rows: number; recorded: number; unchanged: number; customers: number; position: number }
/** A refused import's rows, already in the caller's language (the API's import messages). */
type Outcome = ImportOutcome<Imported>;

/**
 * Bulk pickups from a file the user picks (CSV or .xlsx, sent as it is: the API tells them apart by
 * their bytes). All or nothing: a refused file lists every row the API refused, with its reason.
 */
export function PickupImport({ customerId, onImported }: { customerId: string; onImported(position: number): void }) {
  const { t } = useRecordsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const names = useNames([], [customerId]);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function send(chosen: File) {
    setBusy(true);
    try {
      const report = await api.postFile<Imported>('/pickups/import', chosen, chosen.name);
      setOutcome({ kind: 'done', report });
      onImported(report.position);
    } catch (e) {
      setOutcome(importRefusal(e, gt));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  function downloadTemplate() {
    downloadCsv(pickupCsvTemplate(), t('templateName'));
  }

  return (
    <form className="command-form" aria-label={t('importTitle')} noValidate onSubmit={(e) => { e.preventDefault(); setMissing(!file); setOutcome(null); if (file) setConfirming(true); }}>
      <h3 className="command-title">{t('importTitle')}</h3>
      <p className="hint">{t('importIntro')} {t('importThisCustomer')} <strong>{customerLabel(names, customerId, lang)}</strong> <span className="mono">{customerId}</span></p>
      <p><button type="button" className="button button-secondary" onClick={downloadTemplate}>{t('template')}</button></p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('importFile')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`} aria-invalid={missing || undefined}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissing(false); setConfirming(false); }} />
        <span id={`${id}-hint`} className="hint">{t('importHint')}</span>
        {missing ? <span id={`${id}-error`} className="field-error">{t('importChoose')}</span> : null}
      </div>
      {confirming && file
        ? <ConfirmStep question={t('importConfirm', { name: file.name })} confirmLabel={t('importConfirmButton')} busy={busy} onConfirm={() => void send(file)} onCancel={() => setConfirming(false)} />
        : <div className="toolbar"><button type="submit" className="button button-primary" disabled={busy}>{t('importSend')}</button></div>}
      {outcome ? <ImportOutcome outcome={outcome} /> : null}
    </form>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useRecordsT();
  if (outcome.kind === 'done') return <p className="alert alert-success" role="status" data-testid="import-result">{t('importDone', { ...outcome.report })}</p>;
  return (
    <div data-testid="import-result">
      <ErrorAlert error={outcome.error} />
      {outcome.rows.length > 0 ? (
        <>
          <p>{outcome.stage === 'write' ? t('importStopped', { recorded: outcome.recorded }) : t('importRefused', { n: outcome.rows.length })}</p>
          <table className="data-table" data-testid="import-refused-rows">
            <thead><tr><th scope="col">{t('line')}</th><th scope="col">{t('reason')}</th><th scope="col">{t('rule')}</th></tr></thead>
            <tbody>
              {outcome.rows.map((r, i) => (
                <tr key={`${r.line}-${r.field}-${i}`} data-line={r.line}><td className="num">{r.line}</td><td>{r.message}</td><td className="mono">{r.rule ?? '—'}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
