import { isIP } from 'node:net';

/** What an IP address is, as far as sending a webhook there is concerned. */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'unspecified' | 'shared' | 'reserved' | 'multicast';

type Range = readonly [prefix: bigint, bits: number, cls: Exclude<AddressClass, 'public'>];

const v4 = (a: number, b: number, c: number, d: number): bigint => BigInt(((a << 24) >>> 0) + (b << 16) + (c << 8) + d);

// RFC 6890 special-purpose ranges a webhook has no business reaching
const IPV4_RANGES: readonly Range[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'shared'], // carrier-grade NAT
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'], // includes cloud metadata at 169.254.169.254
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'reserved'],
  [v4(203, 0, 113, 0), 24, 'reserved'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'], // includes 255.255.255.255
];

const IPV6_RANGES: readonly Range[] = [
  [0n, 128, 'unspecified'],
  [1n, 128, 'loopback'],
  [0xfe80n << 112n, 10, 'link-local'],
  [0xfc00n << 112n, 7, 'unique-local'],
  [0xff00n << 112n, 8, 'multicast'],
  [0x2001n << 112n | 0xdb8n << 96n, 32, 'reserved'], // documentation
];

/** IPv6 forms that carry an IPv4 address inside: the IPv4 address decides. */
const EMBEDDED_V4: readonly (readonly [prefix: bigint, bits: number])[] = [
  [0xffffn << 32n, 96], // ::ffff:a.b.c.d, IPv4-mapped
  [0n, 96], // ::a.b.c.d, the deprecated IPv4-compatible form
  [0x64n << 112n | 0xff9bn << 96n, 96], // 64:ff9b::a.b.c.d, NAT64
];

/** Classifies an IPv4 or IPv6 literal; anything that is not one throws. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return lookUp(parseIpv4(address), 32, IPV4_RANGES);
  if (family !== 6) throw new Error(`not an IP address: ${address}`);
  const value = parseIpv6(address);
  if (value > 1n) {
    const embedded = EMBEDDED_V4.find(([prefix, bits]) => inRange(value, 128, prefix, bits));
    if (embedded) return lookUp(value & 0xffffffffn, 32, IPV4_RANGES);
  }
  return lookUp(value, 128, IPV6_RANGES);
}

function lookUp(value: bigint, width: number, ranges: readonly Range[]): AddressClass {
  return ranges.find(([prefix, bits]) => inRange(value, width, prefix, bits))?.[2] ?? 'public';
}

function inRange(value: bigint, width: number, prefix: bigint, bits: number): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === prefix >> shift;
}

function parseIpv4(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(address: string): bigint {
  let text = address.replace(/%.*$/, '').toLowerCase(); // a zone id names an interface, not an address
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = Number(parseIpv4(dotted[1]));
    text = `${text.slice(0, -dotted[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === null ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** Which classes a policy lets through besides public addresses. */
export function allowedClasses(policy: 'none' | 'loopback'): ReadonlySet<AddressClass> {
  return new Set<AddressClass>(policy === 'loopback' ? ['public', 'loopback'] : ['public']);
}
