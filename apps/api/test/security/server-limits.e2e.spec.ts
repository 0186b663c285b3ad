import type { Server } from 'node:http';
import { startTestApi, type TestApi } from '../support/test-api';
import { RawConnection, requestHead } from './support/raw-http';

jest.setTimeout(60_000);
const LIMITS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 1_000, maxConnections: 4, maxHeaderBytes: 4 * 1024 };

/**
 * The Node server's own limits (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS,
 * HTTP_MAX_CONNECTIONS, HTTP_MAX_HEADER_BYTES), on real sockets that stall the way a slow-loris
 * client does. Node's defaults would hold such a connection for a minute or more.
 */
describe('slow and numerous connections (real HTTP server, node:net sockets)', () => {
  let api: TestApi;
  const sockets: RawConnection[] = [];
  beforeAll(async () => {
    api = await startTestApi({ transport: LIMITS });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await api.close();
  });

  const server = () => api.app.getHttpServer() as Server;
  const openConnections = () => new Promise<number>((resolve, reject) => server().getConnections((error, count) => (error ? reject(error) : resolve(count))));
  const until = async (condition: () => Promise<boolean>, what: string) => {
    for (const deadline = Date.now() + 10_000; !(await condition()); ) {
      if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const connect = async () => {
    const socket = await RawConnection.open(api.url);
    sockets.push(socket);
    return socket;
  };
  /** A request whose headers never end. */
  const stallInHeaders = async () => {
    const socket = await connect();
    socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    return socket;
  };

  it('a request that stalls in its headers is answered 408 and closed after the headers timeout', async () => {
    const reply = await (await stallInHeaders()).closedByServer();
    expect(reply.status).toBe(408);
  });

  it('a request that stalls in its body is answered 408 and closed after the request timeout', async () => {
    const socket = await connect();
    socket.write(requestHead('POST', '/auth/token', { 'content-type': 'application/json', 'content-length': 1000 }));
    socket.write('{"username":"sales",');
    const reply = await socket.closedByServer();
    expect(reply.status).toBe(408);
  });

  it('headers larger than the limit are answered 431', async () => {
    const socket = await connect();
    socket.write(requestHead('GET', '/health/live', { 'x-padding': 'p'.repeat(8 * 1024) }));
    expect((await socket.closedByServer()).status).toBe(431);
  });

  it('past the connection cap a new connection is closed unanswered; once the slow ones time out, requests are served again', async () => {
    await until(async () => (await openConnections()) === 0, 'the earlier connections are gone');
    const slow = await Promise.all(Array.from({ length: LIMITS.maxConnections }, stallInHeaders));
    await until(async () => (await openConnections()) === LIMITS.maxConnections, 'the server holds the slow connections');

    const refused = await connect();
    refused.write(requestHead('GET', '/health/live', { connection: 'close' }));
    expect(await refused.closedByServer()).toMatchObject({ status: null, text: '' });

    for (const socket of slow) expect((await socket.closedByServer()).status).toBe(408);
    const served = await fetch(`${api.url}/health/live`);
    expect(served.status).toBe(200);
    await served.text();
  });
});
