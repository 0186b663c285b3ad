import { createHmac } from 'node:crypto';
import { markdown, plainText, withinBytes } from './message-formats';
import type { RenderedMessage } from './notification-renderer';

/**
 * 企业微信 group robot (POST …/cgi-bin/webhook/send?key=…): `{"msgtype":"text","text":{"content"}}`
 * (at most 2,048 bytes) or `{"msgtype":"markdown","markdown":{"content"}}` (at most 4,096 bytes).
 */
export function wecomBody(message: RenderedMessage, format: 'markdown' | 'text'): object {
  if (format === 'text') return { msgtype: 'text', text: { content: withinBytes(plainText(message), 2048) } };
  return { msgtype: 'markdown', markdown: { content: withinBytes(markdown(message), 4096) } };
}

/** 钉钉 custom robot (POST …/robot/send?access_token=…): `text.content`, or `markdown.title` + `markdown.text`. */
export function dingtalkBody(message: RenderedMessage, format: 'markdown' | 'text'): object {
  if (format === 'text') return { msgtype: 'text', text: { content: withinBytes(plainText(message), 4096) } };
  return { msgtype: 'markdown', markdown: { title: withinBytes(message.title, 200), text: withinBytes(markdown(message), 4096) } };
}

/**
 * DingTalk's 加签 security setting: `timestamp` (milliseconds) and
 * `sign` = urlEncode(base64(HMAC-SHA256(key = secret, "<timestamp>\n<secret>"))) added to the
 * URL; the platform refuses a timestamp more than an hour from its clock.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function dingtalkSignedUrl(target: string, secret: string | null, timestampMs: number): string {
  if (!secret) return target;
  const url = new URL(target);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingtalkSign(secret, timestampMs)); // URLSearchParams percent-encodes it
  return url.toString();
}

/** Both robots answer HTTP 200 with `{"errcode":0,"errmsg":"ok"}`; any other errcode is a refusal. */
export function robotRefusal(answer: string): string | null {
  try {
    const parsed = JSON.parse(answer) as { errcode?: unknown; errmsg?: unknown };
    if (parsed.errcode === 0 || parsed.errcode === undefined) return null;
    return `errcode ${String(parsed.errcode)}: ${String(parsed.errmsg ?? '').slice(0, 200)}`;
  } catch {
    return answer.trim() === '' ? null : 'the robot answered something other than JSON';
  }
}
