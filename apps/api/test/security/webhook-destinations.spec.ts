import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowedClasses, classifyAddress } from '../../src/notifications/outbound-address';
import { literalRefusal, postTo, RefusedDestination, vetDestination } from '../../src/notifications/outbound-request';

describe('WEBHOOK-DESTINATION: the address classifier', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::192.168.1.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('refuses to classify what is not an address', () => {
    expect(() => classifyAddress('example.com')).toThrow('not an IP address');
  });
});

describe('WEBHOOK-DESTINATION: vetting a destination at send time', () => {
  const publicOnly = allowedClasses('none');
  const resolvesTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('a name resolving to public addresses only passes, and the first one is used', async () => {
    await expect(vetDestination(new URL('https://hooks.example.com/x'), publicOnly, resolvesTo('93.184.216.34', '2606:2800::1'))).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('a name with one private address among public ones is refused, naming the address', async () => {
    const vetting = vetDestination(new URL('https://hooks.example.com/x'), publicOnly, resolvesTo('93.184.216.34', '10.0.0.5'));
    await expect(vetting).rejects.toThrow(RefusedDestination);
    await expect(vetting).rejects.toThrow('refused: hooks.example.com resolves to 10.0.0.5, a private address');
  });

  it('loopback passes only with the loopback policy; private ranges never do', async () => {
    const url = new URL('http://127.0.0.1:9/x');
    await expect(vetDestination(url, publicOnly, resolvesTo('127.0.0.1'))).rejects.toThrow('loopback');
    await expect(vetDestination(url, allowedClasses('loopback'), resolvesTo('127.0.0.1'))).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(vetDestination(new URL('http://db.internal/x'), allowedClasses('loopback'), resolvesTo('192.168.1.10'))).rejects.toThrow('private');
  });

  it('literal hosts are refused before any lookup (registration), names are left to send time', () => {
    expect(literalRefusal(new URL('http://[fd00::1]/x'), publicOnly)).toMatch(/unique-local/);
    expect(literalRefusal(new URL('http://app.localhost/x'), publicOnly)).toMatch(/loopback/);
    expect(literalRefusal(new URL('http://localhost/x'), allowedClasses('loopback'))).toBeNull();
    expect(literalRefusal(new URL('https://hooks.example.com/x'), publicOnly)).toBeNull();
  });
});

describe('posting to the vetted address (no second lookup, so no DNS rebinding)', () => {
  let server: Server;
  let port: number;
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => void res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to the vetted address although the name resolves nowhere, keeps the name in Host, and returns a 3xx as it is', async () => {
    const url = new URL(`http://unresolvable.invalid:${port}/hook`);
    const status = await postTo(url, { address: '127.0.0.1', family: 4 }, { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 5_000 });
    expect(status).toBe(302);
    expect(seen).toEqual([expect.objectContaining({ host: `unresolvable.invalid:${port}`, 'content-length': '2' })]);
  });
});
