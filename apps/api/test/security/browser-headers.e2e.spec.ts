import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string[]> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('browser-facing headers: a strict CSP for the console, no-store on API answers (real HTTP)', () => {
  let api: TestApi;
  let consoleDir: string;
  const saved = process.env.CONSOLE_DIR;
  beforeAll(async () => {
    // a stand-in for `npm run build`'s output: index.html and one content-hashed asset
    consoleDir = mkdtempSync(join(tmpdir(), 'crm-console-'));
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>');
    writeFileSync(join(consoleDir, 'assets', 'index-AbC123.js'), 'export {};');
    process.env.CONSOLE_DIR = consoleDir;
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
    rmSync(consoleDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.CONSOLE_DIR;
    else process.env.CONSOLE_DIR = saved;
  });

  it('the console page is served with a CSP allowing only its own scripts, styles and API, no plugins, no framing', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('hashed console assets stay cacheable for good; index.html is revalidated', async () => {
    const asset = await fetch(`${api.url}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${api.url}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['GET', '/health', undefined],
    ['GET', '/auth/me', undefined],
    ['POST', '/auth/token', { username: 'admin', password: 'demo1234' }],
    ['GET', '/no/such/route', undefined],
    ['GET', '/openapi.json', undefined],
  ])('%s %s answers Cache-Control: no-store, with the CSP', async (method, path, body) => {
    const res = await api.request(method, path, { body });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('the API answers of a signed-in user are no-store too', async () => {
    const res = await api.request('GET', '/notifications', { token: await api.tokenFor('finance') });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('/docs (Swagger UI) allows its inline styles but no inline script', async () => {
    const res = await fetch(`${api.url}/docs`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });
});
