import { allowedClasses } from './outbound-address';
import { type Lookup, postForAnswer, vetDestination } from './outbound-request';

/** How every outbound HTTP delivery (webhooks, robots) may leave: WEBHOOK_ALLOW_PRIVATE_HOSTS, resolver, timeout. */
export interface OutboundPolicy {
  allowPrivateHosts: 'none' | 'loopback';
  lookup?: Lookup;
  timeoutMs: number;
}

export interface PostOutcome {
  statusCode: number | null;
  /** the start of the answer's body ('' when there was none) */
  answer: string;
  error: string | null;
}

/**
 * One attempt through the SSRF-safe path: the host resolved now and refused when any address is
 * outside the allowed classes, the request pinned to the vetted address, redirects never
 * followed. A refused destination, a redirect or any non-2xx is a failure with its reason.
 */
export async function postSafely(target: string, headers: Record<string, string>, body: string, policy: OutboundPolicy): Promise<PostOutcome> {
  try {
    const url = new URL(target);
    const address = await vetDestination(url, allowedClasses(policy.allowPrivateHosts), policy.lookup);
    const { statusCode, body: answer } = await postForAnswer(url, address, { headers, body, timeoutMs: policy.timeoutMs });
    if (statusCode >= 300 && statusCode < 400) return { statusCode, answer, error: `HTTP ${statusCode}: redirects are not followed` };
    return { statusCode, answer, error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}` };
  } catch (failure) {
    return { statusCode: null, answer: '', error: (failure as Error).message.slice(0, 500) };
  }
}
