import { bankStatementCsvTemplate, type BankStatementResult, parseBankStatementCsv } from '@crm/customers';
import { useId, useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { yuan } from '../../../format/money';
import { useI18n } from '../../../i18n/i18n.context';
import { ErrorAlert } from '../../../shell/error-alert';
import { customerLabel, useNames } from '../../record-kit/names';
import { useCommerceT } from './commerce.messages';
import { ConfirmStep } from './record-fields';
import { downloadCsv, type ImportOutcome, importRefusal } from './import-outcome';

/** POST /receipts/import's answer (apps/api/src/customers/receipt-import.ts). */
interface Imported { rows: number; recorded: number; unchanged: number; skippedLines: number[]; matches: Array<{ line: number; customerId: string; by: 'account' | 'name' }>; position: number }
/** A refused import's rows, already in the caller's language (the API's import messages). */
type Outcome = ImportOutcome<Imported>;
/** What the browser read of the chosen file before sending it: a CSV parsed with the API's own parser, an .xlsx not. */
type Preview = { kind: 'csv'; result: BankStatementResult } | { kind: 'xlsx' };

const fen = (amount: number) => Math.round(amount * 100);

/**
 * R-PRIN-4 款到发货: finance imports the bank's transaction export; each credit becomes a receipt on
 * the paying customer's prepayment account. The browser previews a CSV with the domain's parser
 * (the same one the API runs) before the confirmation; all or nothing, the API's row refusals in words.
 */
export function ReceiptImport({ onImported }: { onImported?(position: number): void }) {
  const { t } = useCommerceT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function readPreview(chosen: File) {
    setOutcome(null);
    if (/\.xlsx$/i.test(chosen.name)) setPreview({ kind: 'xlsx' });
    else setPreview({ kind: 'csv', result: parseBankStatementCsv(await chosen.text()) });
  }

  async function send(chosen: File) {
    setBusy(true);
    try {
      const report = await api.postFile<Imported>('/receipts/import', chosen, chosen.name);
      setOutcome({ kind: 'done', report });
      onImported?.(report.position);
    } catch (e) {
      setOutcome(importRefusal(e, gt));
    } finally {
      setBusy(false);
      setPreview(null);
    }
  }

  function downloadTemplate() {
    downloadCsv(bankStatementCsvTemplate(), t('templateName'));
  }

  return (
    <section className="card" data-testid="receipt-import">
      <form className="command-form" aria-label={t('importTitle')} noValidate onSubmit={(e) => { e.preventDefault(); setMissing(!file); if (file) void readPreview(file); }}>
        <h2 className="command-title">{t('importTitle')}</h2>
        <p className="hint">{t('importIntro')}</p>
        <p><button type="button" className="button button-secondary" onClick={downloadTemplate}>{t('template')}</button></p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('importFile')}</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`} aria-invalid={missing || undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissing(false); setPreview(null); }} />
          <span id={`${id}-hint`} className="hint">{t('importHint')}</span>
          {missing ? <span id={`${id}-error`} className="field-error">{t('importChoose')}</span> : null}
        </div>
        {preview && file ? (
          <>
            <PreviewTable preview={preview} />
            <ConfirmStep question={t('importConfirm', { name: file.name })} confirmLabel={t('importConfirmButton')} busy={busy} onConfirm={() => void send(file)} onCancel={() => setPreview(null)} />
          </>
        ) : <div className="toolbar"><button type="submit" className="button button-primary" disabled={busy}>{t('importSend')}</button></div>}
        {outcome ? <ImportOutcome outcome={outcome} /> : null}
      </form>
    </section>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useCommerceT();
  if (preview.kind === 'xlsx') return <p className="hint">{t('previewXlsx')}</p>;
  const { rows, skipped, errors } = preview.result;
  if (errors.length > 0) return <p className="alert alert-warning" data-testid="receipt-preview">{t('previewErrors', { n: errors.length })} {[...new Set(errors.map((e) => e.line))].map((n) => `${t('line')} ${n}`).join('、')}</p>;
  return (
    <div data-testid="receipt-preview">
      <h3>{t('preview')}</h3>
      {rows.length === 0 ? <p className="empty">{t('previewNone')}</p> : (
        <div className="table-wrap">
          <table className="data-table">
            <thead><tr><th scope="col" className="num">{t('line')}</th><th scope="col">{t('transactionId')}</th><th scope="col">{t('receivedOn')}</th><th scope="col">{t('payerName')}</th><th scope="col">{t('payerAccount')}</th><th scope="col" className="num">{t('amount')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line} data-line={r.line}><td className="num">{r.line}</td><td className="mono">{r.transactionId}</td><td className="nowrap">{r.date}</td><td>{r.payerName}</td><td className="mono">{r.payerAccount}</td><td className="num">{yuan(fen(r.amount))}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {skipped.length > 0 ? <p className="hint">{t('previewSkipped', { lines: skipped.join('、') })}</p> : null}
    </div>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t, lang } = useCommerceT();
  const names = useNames([], outcome.kind === 'done' ? outcome.report.matches.map((m) => m.customerId) : []);
  if (outcome.kind === 'done') {
    const { report } = outcome;
    return (
      <div data-testid="import-result">
        <p className="alert alert-success" role="status">{t('importDone', { rows: report.rows, recorded: report.recorded, unchanged: report.unchanged })}{report.skippedLines.length > 0 ? ` ${t('importSkipped', { lines: report.skippedLines.join('、') })}` : ''}</p>
        {report.matches.length > 0 ? (
          <table className="data-table" data-testid="import-matches">
            <thead><tr><th scope="col" className="num">{t('line')}</th><th scope="col">{t('matched')}</th><th scope="col">{t('matchedBy')}</th></tr></thead>
            <tbody>{report.matches.map((m) => <tr key={m.line} data-line={m.line}><td className="num">{m.line}</td><td>{customerLabel(names, m.customerId, lang)}</td><td>{t(`by.${m.by}`)}</td></tr>)}</tbody>
          </table>
        ) : null}
      </div>
    );
  }
  return (
    <div data-testid="import-result">
      <ErrorAlert error={outcome.error} />
      {outcome.rows.length > 0 ? (
        <>
          <p>{outcome.stage === 'write' ? t('importStopped', { recorded: outcome.recorded }) : t('importRefused', { n: outcome.rows.length })}</p>
          <table className="data-table" data-testid="import-refused-rows">
            <thead><tr><th scope="col" className="num">{t('line')}</th><th scope="col">{t('reason')}</th><th scope="col">{t('rule')}</th></tr></thead>
            <tbody>
              {outcome.rows.map((r, i) => <tr key={`${r.line}-${r.field}-${i}`} data-line={r.line}><td className="num">{r.line}</td><td>{r.message}</td><td className="mono">{r.rule ?? '—'}</td></tr>)}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
