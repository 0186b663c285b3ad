import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type AddressClass, classifyAddress } from './outbound-address';

export type Lookup = (hostname: string, options: { all: true; verbatim: true }) => Promise<LookupAddress[]>;

/** A destination the policy does not allow; recorded as a failed attempt, never sent. */
export class RefusedDestination extends Error {
  override readonly name = 'RefusedDestination';
}

/**
 * Resolves the host now, at send time, and refuses it when any of its addresses is outside the
 * allowed classes: a name with one public and one private address would otherwise reach the
 * private one on some attempts.
 */
export async function vetDestination(url: URL, allowed: ReadonlySet<AddressClass>, lookup: Lookup = dnsLookup): Promise<LookupAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedDestination(`refused: ${url.protocol} is not http or https`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new RefusedDestination(`refused: ${host} has no address`);
  for (const { address } of addresses) {
    const cls = classifyAddress(address);
    if (!allowed.has(cls)) {
      throw new RefusedDestination(`refused: ${host} resolves to ${address}, a ${cls} address; webhooks go to public addresses only (WEBHOOK_ALLOW_PRIVATE_HOSTS)`);
    }
  }
  return addresses[0];
}

/**
 * The reason a URL is refused before any lookup: its host is an IP literal or localhost outside the
 * allowed classes. Names are not resolved here (they are again at every send, where it counts).
 */
export function literalRefusal(url: URL, allowed: ReadonlySet<AddressClass>): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const cls = isIP(host) ? classifyAddress(host) : host === 'localhost' || host.endsWith('.localhost') ? 'loopback' : 'public';
  return allowed.has(cls) ? null : `${host} is a ${cls} address; webhooks go to public addresses only (WEBHOOK_ALLOW_PRIVATE_HOSTS)`;
}

export interface OutboundPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs to the address vetted beforehand rather than resolving the name again, so a DNS answer
 * that changes between check and connect (rebinding) cannot redirect the request; Host and TLS
 * still use the name. Answers the status code; redirects are never followed (node:http has none).
 */
export async function postTo(url: URL, target: LookupAddress, request: OutboundPost): Promise<number> {
  return (await postForAnswer(url, target, request)).statusCode;
}

/** The most of an answer's body kept: the robots answer `{"errcode":0,"errmsg":"ok"}`. */
const MAX_ANSWER_BYTES = 16 * 1024;

/** As postTo, with the start of the answer's body (group robots say "refused" with HTTP 200 and an errcode). */
export function postForAnswer(url: URL, target: LookupAddress, request: OutboundPost): Promise<{ statusCode: number; body: string }> {
  const client = url.protocol === 'https:' ? https : http;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: LookupAddress[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: pinned,
        agent: false, // no pooled socket from an earlier, differently vetted attempt
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < MAX_ANSWER_BYTES) chunks.push(chunk.subarray(0, MAX_ANSWER_BYTES - kept));
          kept += chunk.length;
        });
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
