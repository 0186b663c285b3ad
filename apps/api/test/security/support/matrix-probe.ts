import type { Expectation } from '../access-matrix';
import type { CallerKind } from './matrix-callers';
import type { Operation } from './openapi-operations';

/** What the guard did with a call: let it through, or refuse it and why. */
export type Verdict = 'pass' | 'unauthenticated' | 'role' | 'auditor-read-only' | 'server-error';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The verdict the expectation table implies for one caller. */
export function expectedVerdict(operation: Operation, expectation: Expectation, caller: CallerKind): Verdict {
  if (expectation.access === 'public') return 'pass';
  if (caller.includes(' ')) return 'unauthenticated';
  if (caller === 'auditor' && !SAFE.has(operation.method) && !expectation.auditorMayCall) return 'auditor-read-only';
  if (expectation.access === 'any-role') return 'pass';
  return expectation.roles?.includes(caller as never) ? 'pass' : 'role';
}

/** Calls the operation once with `{}` as body; streams (SSE) are closed once the status is known. */
export async function probe(baseUrl: string, operation: Operation, token: string | undefined): Promise<{ verdict: Verdict; status: number; rule?: string }> {
  const hasBody = !SAFE.has(operation.method);
  const send = () => fetch(`${baseUrl}${operation.examplePath}`, {
    method: operation.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    body: hasBody ? '{}' : undefined,
  });
  const response = await send().catch((error: Error & { cause?: { code?: string } }) => {
    // a kept-alive socket the server closed as the request went out (a race of idle timers, not an answer): send once more
    if (error.cause?.code === 'UND_ERR_SOCKET') return send();
    throw error;
  });
  const json = (response.headers.get('content-type') ?? '').includes('application/json');
  const body = json ? ((await response.json()) as { rule?: string }) : (await response.body?.cancel(), undefined);
  return { verdict: verdictOf(response.status, body?.rule), status: response.status, rule: body?.rule };
}

function verdictOf(status: number, rule: string | undefined): Verdict {
  if (status === 401) return 'unauthenticated';
  if (status === 403 && rule === 'ROLE') return 'role';
  if (status === 403 && rule === 'AUDITOR-READ-ONLY') return 'auditor-read-only';
  if (status >= 500) return 'server-error';
  return 'pass';
}
