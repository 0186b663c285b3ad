import type { ChainVerification } from './chain.verifier';
import type { Wording } from '@crm/workflow-kit';
import type { HistoryEntry } from './customer-history';

/** The CSV and xlsx downloads are the service's spreadsheet writer's (apps/api spreadsheets/), with Chinese headers. */
export type ExportFormat = 'jsonl' | 'html';

/** One JSON object per line, the history entry as the API returns it. */
export function toJsonLines(entries: readonly HistoryEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Beijing wall time, `2026-09-01 10:00:00`: the report is read in China, whatever the server's zone. */
const beijing = (instant: string) => {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
};

export interface HtmlReportHeading {
  customerId: string;
  /** the company's name from its archive; the id stands in before an archive exists */
  customerName: string | null;
  generatedAt: string;
  generatedBy: string;
  /** who acted, as people name them (姓名（角色）); the username where the directory has none */
  actorLabels: ReadonlyMap<string, Wording>;
}

/** A self-contained printable report for the auditor's file, in Chinese: verification first, then every event. */
export function toHtmlReport(heading: HtmlReportHeading, entries: readonly HistoryEntry[], verification: ChainVerification): string {
  const who = (actor: string) => heading.actorLabels.get(actor)?.zh ?? actor;
  const b = verification.firstBreak;
  const verdict = b
    ? `<p class="broken">哈希链断裂：${escapeHtml(b.streamId)} 第 ${b.revision} 版（全局序号 ${b.position}）：${escapeHtml(b.reason)}。</p>`
    : `<p class="ok">哈希链完整：已重新计算 ${verification.streams.length} 个事件流中的 ${verification.checked} 个事件。</p>`;
  const heads = verification.streams.map((s) => `<tr><td>${escapeHtml(s.streamId)}</td><td>${s.events}</td><td><code>${s.headHash}</code></td></tr>`).join('');
  const state = (e: HistoryEntry['stateBefore']) => escapeHtml(e.label?.zh ?? e.state ?? '—');
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${e.position}</td><td>${escapeHtml(beijing(e.occurredAt))}</td><td>${escapeHtml(who(e.actor))}</td><td>${escapeHtml(e.streamId)}#${e.revision}</td>` +
        `<td>${escapeHtml(e.title.zh)}<br><small>${escapeHtml(e.type)}</small></td><td>${state(e.stateBefore)} → ${state(e.stateAfter)}</td><td><code>${escapeHtml(JSON.stringify(e.data))}</code></td></tr>`,
    )
    .join('\n');
  const company = heading.customerName ? `${heading.customerName}（${heading.customerId}）` : heading.customerId;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>客户审计报告：${escapeHtml(company)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;font-size:12px;vertical-align:top}code{word-break:break-all}.ok{color:#060}.broken{color:#b00;font-weight:bold}</style></head>
<body><h1>客户审计报告：${escapeHtml(company)}</h1><p>生成时间 ${escapeHtml(beijing(heading.generatedAt))}（北京时间），生成人 ${escapeHtml(who(heading.generatedBy))}；共 ${entries.length} 个事件。</p>${verdict}
<h2>事件流末端哈希（留存以便日后发现截断）</h2><table><tr><th>事件流</th><th>事件数</th><th>末端哈希</th></tr>${heads}</table>
<h2>历史记录</h2><table><tr><th>全局序号</th><th>发生时间（北京时间）</th><th>操作人</th><th>事件流#版本</th><th>事件</th><th>状态</th><th>数据</th></tr>
${rows}</table></body></html>
`;
}
