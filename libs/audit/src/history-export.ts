import type { ChainVerification } from './chain.verifier';
import type { HistoryEntry } from './customer-history';

/** The CSV and xlsx downloads are the service's spreadsheet writer's (apps/api spreadsheets/), with Chinese headers. */
export type ExportFormat = 'jsonl' | 'html';

/** One JSON object per line, the history entry as the API returns it. */
export function toJsonLines(entries: readonly HistoryEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained printable report for the auditor's file: verification first, then every event. */
export function toHtmlReport(customerId: string, entries: readonly HistoryEntry[], verification: ChainVerification, generatedAt: string, generatedBy: string): string {
  const b = verification.firstBreak;
  const verdict = b
    ? `<p class="broken">Hash chain BROKEN at ${escapeHtml(b.streamId)} revision ${b.revision} (position ${b.position}): ${b.reason}.</p>`
    : `<p class="ok">Hash chains intact: ${verification.checked} events in ${verification.streams.length} streams recomputed.</p>`;
  const heads = verification.streams.map((s) => `<tr><td>${escapeHtml(s.streamId)}</td><td>${s.events}</td><td><code>${s.headHash}</code></td></tr>`).join('');
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${e.position}</td><td>${escapeHtml(e.occurredAt)}</td><td>${escapeHtml(e.actor)}</td><td>${escapeHtml(e.streamId)}#${e.revision}</td>` +
        `<td>${escapeHtml(e.type)}</td><td>${escapeHtml(e.stateBefore.state ?? '')} → ${escapeHtml(e.stateAfter.state ?? '')}</td><td><code>${escapeHtml(JSON.stringify(e.data))}</code></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Audit report ${escapeHtml(customerId)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;font-size:12px;vertical-align:top}code{word-break:break-all}.ok{color:#060}.broken{color:#b00;font-weight:bold}</style></head>
<body><h1>Customer ${escapeHtml(customerId)}: audit report</h1><p>Generated ${escapeHtml(generatedAt)} by ${escapeHtml(generatedBy)}; ${entries.length} events.</p>${verdict}
<h2>Stream heads (keep these to detect later truncation)</h2><table><tr><th>stream</th><th>events</th><th>head hash</th></tr>${heads}</table>
<h2>History</h2><table><tr><th>position</th><th>occurred</th><th>actor</th><th>stream#rev</th><th>event</th><th>state</th><th>data</th></tr>
${rows}</table></body></html>
`;
}
