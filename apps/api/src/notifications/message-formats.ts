import type { RenderedMessage } from './notification-renderer';

const LABELS = {
  zh: { company: '客户', step: '环节', deadline: '截止时间（北京时间）', detail: '详情', open: '在控制台打开', brand: '客户管理' },
  en: { company: 'Customer', step: 'Step', deadline: 'Due (Beijing time)', detail: 'Details', open: 'Open in the console', brand: 'CRM' },
} as const;

function facts(m: RenderedMessage): Array<[label: string, value: string]> {
  const l = LABELS[m.language];
  const rows: Array<[string, string | null]> = [[l.company, m.company], [l.step, m.step], [l.deadline, m.deadline], [l.detail, m.detail]];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

const separator = (m: RenderedMessage) => (m.language === 'zh' ? '：' : ': ');

/** Plain lines: the WeCom/DingTalk `text` message and the e-mail's text part. */
export function plainText(m: RenderedMessage): string {
  return [m.title, ...facts(m).map(([k, v]) => `${k}${separator(m)}${v}`), `${LABELS[m.language].open}${separator(m)}${m.url}`].join('\n');
}

/** The robots' `markdown` message (the subset both WeCom and DingTalk render). */
export function markdown(m: RenderedMessage): string {
  return [`### ${escapeMd(m.title)}`, ...facts(m).map(([k, v]) => `> ${k}${separator(m)}${escapeMd(v)}`), '', `[${LABELS[m.language].open}](${m.url})`].join('\n');
}

export function emailOf(m: RenderedMessage): { subject: string; text: string; html: string } {
  const subject = `[${LABELS[m.language].brand}] ${m.title}${m.company ? ` — ${m.company}` : ''}`;
  const rows = facts(m).map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  const html = `<h2>${escapeHtml(m.title)}</h2><table>${rows}</table><p><a href="${escapeHtml(m.url)}">${escapeHtml(LABELS[m.language].open)}</a></p>`;
  return { subject, text: plainText(m), html };
}

/** Cuts text to what a robot accepts (WeCom: 2,048 bytes for text, 4,096 for markdown), on a character boundary. */
export function withinBytes(value: string, max: number): string {
  if (Buffer.byteLength(value) <= max) return value;
  let out = '';
  for (const ch of value) {
    if (Buffer.byteLength(out + ch) > max - 3) break;
    out += ch;
  }
  return `${out}…`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/\n/g, ' ');
