import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleApiCalls, reaches } from './support/console-api-calls';

/** The scanner behind the OpenAPI coverage spec (issue 16), on source written for the purpose. */
describe('reading the console’s API calls from its source', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-calls-'));
    mkdirSync(join(dir, 'feature'));
    writeFileSync(join(dir, 'paths.ts'), "export const STREAM_PATH = '/me/notifications/stream';\n");
    writeFileSync(
      join(dir, 'feature', 'use.tsx'),
      [
        "const path = `/customers/${encodeURIComponent(id)}/disqualification`;",
        'const sub = (id: string, rest: string) => `/customers/${id}/${rest}`;',
        "api.get<{ items: Array<{ id: string }> }>('/customers', { q });",
        'api.post(`${path}/approve`, body);',
        'api.get(sub(id, \'history\'));',
        'api.post<CommandAnswer>(`/complaints/${encodeURIComponent(id)}/${action}?x=1`, body);',
        'useEventStream(api, STREAM_PATH, {});',
        'api.delete(`/webhooks/${encodeURIComponent(r)}`).then(() => true);',
        'changed.delete(key);',
        "navigate('/inbox');",
        '<CommandCard title="x" path={`/consultations/${encodeURIComponent(id)}/answer`} />',
        '<CommandCard path="/forums" />',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'feature', 'use.spec.ts'), "api.get('/never');\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds inline, constant, template-built and helper-built paths, DELETEs and command forms’ path props, and skips specs, non-API strings and a Map’s delete', () => {
    const found = consoleApiCalls(dir).map((c) => `${c.method} ${c.path}`).sort();
    expect(found).toEqual(['DELETE /webhooks/*', 'GET /customers', 'GET /customers/*/*', 'GET /me/notifications/stream', 'POST /complaints/*/*', 'POST /consultations/*/answer', 'POST /customers/*/disqualification/approve', 'POST /forums']);
  });

  it('matches a computed segment to one segment, a computed last segment to several, and nothing across methods', () => {
    const call = (method: string, path: string) => ({ method, path, file: 'x.ts' });
    expect(reaches(call('POST', '/customers/*/disqualification/approve'), 'POST', '/customers/{id}/disqualification/approve')).toBe(true);
    expect(reaches(call('POST', '/complaints/*/*'), 'POST', '/complaints/{id}/extensions/approve')).toBe(true);
    expect(reaches(call('GET', '/customers'), 'GET', '/customers/{id}')).toBe(false);
    expect(reaches(call('GET', '/customers/*'), 'POST', '/customers/{id}')).toBe(false);
  });
});
