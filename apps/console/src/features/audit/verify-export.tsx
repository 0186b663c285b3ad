import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { auditApi, type ExportFormat, type Verification } from './audit.api';
import type { AuditT } from './audit.messages';

/** GET /verify: every hash chain of the customer recomputed; the first break named if there is one. */
export function VerifyPanel({ at, customerId }: { at: AuditT; customerId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    setResult(null);
    auditApi.verify(api, customerId).then(setResult, (e) => setError(describeError(e, t)));
  }, [api, customerId, t]);

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{at.t('verifyTitle')}</h2>
      <ErrorAlert error={error} />
      {result ? (
        <div data-testid="verify" data-ok={String(result.ok)}>
          <p className={`alert ${result.ok ? 'alert-success' : 'alert-error'}`} role="status">
            <strong>{result.ok ? '✓ ' : '✗ '}</strong>
            {result.ok
              ? at.t('verifyOk', { n: result.checked })
              : result.firstBreak
                ? at.t('verifyBroken', { stream: result.firstBreak.streamId, revision: result.firstBreak.revision, position: result.firstBreak.position, reason: result.firstBreak.reason })
                : ''}
          </p>
          {result.spans.map((s) => (
            <p key={s.streamId} className="alert alert-error">
              {at.t('truncated', { stream: s.streamId, seen: s.seen, stored: s.stored ?? '—' })}
            </p>
          ))}
          <ul className="list-plain stream-hashes">
            {result.streams.map((s) => (
              <li key={s.streamId}>
                <span className={`badge ${s.ok ? 'badge-success' : 'badge-danger'}`}>{s.ok ? '✓' : '✗'}</span> {at.t('streamLine', { stream: s.streamId, n: s.events })}{' '}
                <code className="hash" title={s.headHash}>
                  {s.headHash.slice(0, 16)}…
                </code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

const TYPES: Record<ExportFormat, string> = { jsonl: 'application/x-ndjson', csv: 'text/csv', html: 'text/html' };

/** Downloads (JSON Lines, CSV) and the printable HTML report in a new tab, fetched with the session's token. */
export function ExportLinks({ at, customerId }: { at: AuditT; customerId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const formats = [
    ['jsonl', at.t('exportJsonl')],
    ['csv', at.t('exportCsv')],
    ['html', at.t('exportHtml')],
  ] as const;

  async function exportAs(format: ExportFormat) {
    // the report tab must open inside the click, before the await, or the browser blocks it
    const tab = format === 'html' ? window.open('', '_blank') : null;
    setBusy(format);
    setError(null);
    try {
      const text = await auditApi.exportText(api, customerId, format);
      // fetch's text() drops the CSV's BOM, which Excel needs to read the file as UTF-8 (Chinese)
      const content = format === 'csv' ? `\uFEFF${text}` : text;
      const url = URL.createObjectURL(new Blob([content], { type: `${TYPES[format]};charset=utf-8` }));
      if (tab) tab.location.href = url;
      else {
        const link = Object.assign(document.createElement('a'), { href: url, download: `${customerId}-history.${format}` });
        link.click();
      }
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      setError(describeError(e, t));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{at.t('exportTitle')}</h2>
      <p className="muted small">{at.t('exportIntro')}</p>
      <div className="toolbar" data-testid="exports">
        {formats.map(([format, label]) => (
          <button key={format} type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void exportAs(format)} data-format={format}>
            {label}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
