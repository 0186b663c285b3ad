import { ConfigError, DEFAULT_TRANSPORT_LIMITS, loadConfig } from './index';

function issuesOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('an empty environment gives the embedded defaults', () => {
    expect(loadConfig({})).toEqual({
      eventStore: { kind: 'sqlite', path: './data/crm.db' },
      groupCommit: true,
      role: 'all',
      port: 3000,
      dataDir: './data',
      businessTimeZone: 'Asia/Shanghai',
      nodeEnv: 'development',
      logLevel: 'info',
      tokenTtlSeconds: 28800,
      seedDemoUsers: true,
      transport: DEFAULT_TRANSPORT_LIMITS,
      webhookAllowPrivateHosts: 'none',
      mail: null,
      consoleUrl: 'http://localhost:3000',
      fileMaxBytes: 10 * 1024 * 1024,
    });
  });

  it('EVENT_STORE_GROUP_COMMIT turns group commit off, and only takes true or false', () => {
    expect(loadConfig({ EVENT_STORE_GROUP_COMMIT: 'false' }).groupCommit).toBe(false);
    expect(loadConfig({ EVENT_STORE_GROUP_COMMIT: 'true' }).groupCommit).toBe(true);
    expect(issuesOf({ EVENT_STORE_GROUP_COMMIT: 'sometimes' })).toEqual([{ variable: 'EVENT_STORE_GROUP_COMMIT', message: 'must be true or false' }]);
  });

  it('ROLE splits the API from the background work: all, api or projector', () => {
    expect(loadConfig({ ROLE: 'api' }).role).toBe('api');
    expect(loadConfig({ ROLE: 'projector' }).role).toBe('projector');
    expect(issuesOf({ ROLE: 'worker' })).toEqual([{ variable: 'ROLE', message: 'must be all, api or projector' }]);
  });

  it('FILE_MAX_BYTES bounds uploads: a whole number of bytes from 1024 to 100 MiB', () => {
    expect(loadConfig({ FILE_MAX_BYTES: '65536' }).fileMaxBytes).toBe(65536);
    expect(() => loadConfig({ FILE_MAX_BYTES: '10' })).toThrow(/FILE_MAX_BYTES/);
    expect(() => loadConfig({ FILE_MAX_BYTES: '10MB' })).toThrow(/FILE_MAX_BYTES/);
  });

  it('empty strings count as unset', () => {
    expect(loadConfig({ EVENT_STORE: '', PORT: '', TZ_BUSINESS: '' })).toMatchObject({
      eventStore: { kind: 'sqlite', path: './data/crm.db' },
      port: 3000,
      businessTimeZone: 'Asia/Shanghai',
    });
  });

  it('DATA_DIR moves the default SQLite file', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/crm' }).eventStore).toEqual({ kind: 'sqlite', path: '/var/lib/crm/crm.db' });
  });

  it.each([
    ['sqlite:./data/other.db', { kind: 'sqlite', path: './data/other.db' }],
    ['sqlite:///srv/crm.db', { kind: 'sqlite', path: '/srv/crm.db' }],
    ['postgres://postgres@127.0.0.1:5432/crm', { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/crm' }],
    ['postgresql://u:p@db/crm?sslmode=require', { kind: 'postgres', url: 'postgresql://u:p@db/crm?sslmode=require' }],
  ])('EVENT_STORE=%s', (value, expected) => {
    expect(loadConfig({ EVENT_STORE: value }).eventStore).toEqual(expected);
  });

  it('esdb:// needs a SQL store for read models, SQLite in DATA_DIR by default', () => {
    expect(loadConfig({ EVENT_STORE: 'esdb://localhost:2113?tls=false' }).eventStore).toEqual({
      kind: 'esdb',
      url: 'esdb://localhost:2113?tls=false',
      readModelUrl: 'sqlite:./data/read-models.db',
      readModels: { kind: 'sqlite', path: './data/read-models.db' },
    });
  });

  it('a three-node kurrentdb:// cluster with read models on PostgreSQL', () => {
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb://node1:2113,node2:2113,node3:2113?tls=false',
      READ_MODEL_DB: 'postgres://postgres@db:5432/crm_read',
    });
    expect(config.eventStore).toEqual({
      kind: 'esdb',
      url: 'kurrentdb://node1:2113,node2:2113,node3:2113?tls=false',
      readModelUrl: 'postgres://postgres@db:5432/crm_read',
      readModels: { kind: 'postgres', url: 'postgres://postgres@db:5432/crm_read' },
    });
  });

  it('esdb+discover:// (DNS discovery) is accepted', () => {
    expect(loadConfig({ EVENT_STORE: 'esdb+discover://cluster.example:2113' }).eventStore.kind).toBe('esdb');
  });

  it.each([
    ['mysql://db/crm', /not sqlite:<path>, postgres/],
    ['sqlite:', /needs a file path/],
    ['postgres://', /has no host/],
    ['esdb://', /has no host/],
    ['./data/crm.db', /not sqlite:<path>/],
  ])('EVENT_STORE=%s is refused, naming the variable', (value, message) => {
    const issues = issuesOf({ EVENT_STORE: value });
    expect(issues).toEqual([{ variable: 'EVENT_STORE', message: expect.stringMatching(message) }]);
  });

  it('READ_MODEL_DB must be SQLite or PostgreSQL', () => {
    expect(issuesOf({ EVENT_STORE: 'esdb://localhost:2113', READ_MODEL_DB: 'esdb://other:2113' })).toEqual([
      { variable: 'READ_MODEL_DB', message: expect.stringMatching(/neither sqlite:<path> nor a postgres/) },
    ]);
  });

  it('READ_MODEL_DB without an esdb store is refused rather than silently ignored', () => {
    expect(issuesOf({ EVENT_STORE: 'postgres://db/crm', READ_MODEL_DB: 'postgres://db/other' })[0].variable).toBe('READ_MODEL_DB');
  });

  it.each([
    ['8080', 8080],
    ['1', 1],
    ['65535', 65535],
  ])('PORT=%s', (value, port) => {
    expect(loadConfig({ PORT: value }).port).toBe(port);
  });

  it.each(['0', '65536', '80.5', 'http', '-1'])('PORT=%s is refused', (value) => {
    expect(issuesOf({ PORT: value }).map((i) => i.variable)).toEqual(['PORT']);
  });

  it('TZ_BUSINESS is checked against the IANA zones Intl knows', () => {
    expect(loadConfig({ TZ_BUSINESS: 'Asia/Urumqi' }).businessTimeZone).toBe('Asia/Urumqi');
    expect(issuesOf({ TZ_BUSINESS: 'China/Beijing' })).toEqual([
      { variable: 'TZ_BUSINESS', message: '"China/Beijing" is not an IANA time zone (e.g. Asia/Shanghai)' },
    ]);
  });

  it('NODE_ENV and LOG_LEVEL accept only their known values', () => {
    expect(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'debug' })).toMatchObject({ nodeEnv: 'production', logLevel: 'debug' });
    expect(issuesOf({ NODE_ENV: 'prod', LOG_LEVEL: 'verbose' }).map((i) => i.variable)).toEqual(['NODE_ENV', 'LOG_LEVEL']);
  });

  it('production stops seeding demo users unless asked; tests log quietly', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemoUsers).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true' }).seedDemoUsers).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
  });

  it('AUTH_SECRET must be long enough to be a key', () => {
    expect(loadConfig({ AUTH_SECRET: 'k'.repeat(32) }).authSecret).toBe('k'.repeat(32));
    expect(issuesOf({ AUTH_SECRET: 'secret' })[0].variable).toBe('AUTH_SECRET');
  });

  it('the HTTP edge and SSE limits are read from their variables', () => {
    const env = {
      HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '120000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
      HTTP_MAX_HEADERS_COUNT: '50', HTTP_MAX_HEADER_BYTES: '8192', HTTP_MAX_CONNECTIONS: '300',
      SSE_MAX_STREAMS: '100', SSE_MAX_STREAMS_PER_USER: '3', SLA_STREAM_POLL_MS: '500', SLA_STREAM_HEARTBEAT_MS: '30000',
    };
    expect(loadConfig(env).transport).toEqual({
      headersTimeoutMs: 5000, requestTimeoutMs: 120000, keepAliveTimeoutMs: 65000, maxHeadersCount: 50, maxHeaderBytes: 8192,
      maxConnections: 300, sseMaxStreams: 100, sseMaxStreamsPerUser: 3, ssePollMs: 500, sseHeartbeatMs: 30000,
    });
  });

  it.each([
    [{ HTTP_HEADERS_TIMEOUT_MS: '0' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_MAX_CONNECTIONS: 'many' }, 'HTTP_MAX_CONNECTIONS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '30000', HTTP_REQUEST_TIMEOUT_MS: '20000' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ SSE_MAX_STREAMS: '10', SSE_MAX_STREAMS_PER_USER: '11' }, 'SSE_MAX_STREAMS_PER_USER'],
    [{ HTTP_MAX_CONNECTIONS: '100', SSE_MAX_STREAMS: '100' }, 'SSE_MAX_STREAMS'],
  ])('contradicting or out-of-range edge limits are refused: %j', (env, variable) => {
    expect(issuesOf(env).map((i) => i.variable)).toEqual([variable]);
  });

  it('WEBHOOK_ALLOW_PRIVATE_HOSTS=loopback is for tests and local receivers, refused in production', () => {
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_HOSTS: 'loopback' }).webhookAllowPrivateHosts).toBe('loopback');
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_HOSTS: 'none' }).webhookAllowPrivateHosts).toBe('none');
    expect(issuesOf({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_HOSTS: 'loopback' })).toEqual([
      { variable: 'WEBHOOK_ALLOW_PRIVATE_HOSTS', message: expect.stringMatching(/NODE_ENV=production/) },
    ]);
    expect(issuesOf({ WEBHOOK_ALLOW_PRIVATE_HOSTS: 'private' })[0].variable).toBe('WEBHOOK_ALLOW_PRIVATE_HOSTS');
  });

  it('every bad variable is listed at once, in one message', () => {
    const error = (() => {
      try {
        return loadConfig({ EVENT_STORE: 'mysql://x', PORT: 'abc', TZ_BUSINESS: 'Mars/Olympus', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e as ConfigError;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['EVENT_STORE', 'LOG_LEVEL', 'PORT', 'TZ_BUSINESS']);
    for (const variable of ['EVENT_STORE', 'PORT', 'TZ_BUSINESS', 'LOG_LEVEL']) expect(error.message).toContain(`${variable}: `);
  });

  it('METRICS_TOKEN: absent means administrators only; a short or spaced token stops the service naming the variable', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).metricsToken).toBe('a'.repeat(32));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 32/);
    expect(() => loadConfig({ METRICS_TOKEN: `${'a'.repeat(32)} b` })).toThrow(/METRICS_TOKEN: printable ASCII/);
  });

  it('reads process.env when no environment is passed', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4321';
    try {
      expect(loadConfig().port).toBe(4321);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('e-mail notifications: SMTP_URL or SMTP_HOST with SMTP_FROM; none configured means no e-mail channel; CONSOLE_URL defaults to localhost:3000', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({}).consoleUrl).toBe('http://localhost:3000');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_FROM: 'crm@example.cn', CONSOLE_URL: 'https://crm.example.cn/' })).toMatchObject({
      mail: { url: 'smtp://127.0.0.1:2525', from: 'crm@example.cn' },
      consoleUrl: 'https://crm.example.cn',
    });
    expect(loadConfig({ SMTP_HOST: 'mail.example.cn', SMTP_PORT: '465', SMTP_USER: 'crm', SMTP_PASS: 'pw', SMTP_FROM: '客户管理 <crm@example.cn>' }).mail).toEqual({
      host: 'mail.example.cn', port: 465, secure: true, user: 'crm', pass: 'pw', from: '客户管理 <crm@example.cn>',
    });
    expect(issuesOf({ SMTP_URL: 'http://mail' })[0].variable).toBe('SMTP_URL');
    expect(issuesOf({ SMTP_URL: 'smtp://mail' }).map((i) => i.variable)).toEqual(['SMTP_FROM']);
    expect(issuesOf({ SMTP_URL: 'smtp://mail', SMTP_HOST: 'mail', SMTP_FROM: 'a@b.c' }).map((i) => i.variable)).toEqual(['SMTP_HOST']);
    expect(issuesOf({ SMTP_HOST: 'mail', SMTP_USER: 'crm', SMTP_FROM: 'a@b.c' }).map((i) => i.variable)).toEqual(['SMTP_PASS']);
    expect(issuesOf({ SMTP_FROM: 'a@b.c' }).map((i) => i.variable)).toEqual(['SMTP_FROM']);
    expect(issuesOf({ SMTP_HOST: 'mail', SMTP_PORT: '70000', SMTP_FROM: 'a@b.c' })[0].variable).toBe('SMTP_PORT');
    expect(issuesOf({ CONSOLE_URL: 'ftp://x' })[0].variable).toBe('CONSOLE_URL');
  });
});
