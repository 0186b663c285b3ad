import fc from 'fast-check';

/** Strings that have broken parsers, databases, loggers and renderers before. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\uD800', // a lone surrogate: not valid UTF-16, JSON.stringify escapes it
  '\u202Eevil\u202C', // right-to-left override
  '\u200B\u200D\uFEFF', // zero-width characters and a byte-order mark
  'Z\u0351\u0360\u0489', // stacked combining marks
  '💥'.repeat(500),
  '客户'.repeat(3000),
  '../../etc/passwd',
  "'; DROP TABLE es_events; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(400),
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '0000-00-00',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  // over every declared maxLength (the largest is 20,000) but under the body limit
  { weight: 1, arbitrary: fc.integer({ min: 20_001, max: 70_000 }).map((n) => 'é'.repeat(n)) },
);

export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 0.1, 2100, 1999, 31) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, [], {}, [null], { '': '' }) },
);

/** A whole body that ignores the schema entirely. */
export const garbageBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 6, withNullPrototype: false }),
  fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'form', 'reason', 'roles')), hostileLeaf, { maxKeys: 6 }),
  fc.array(hostileLeaf, { maxLength: 5 }),
  hostileLeaf,
);

/** Bodies that are not JSON at all, or not the JSON the content type promises. */
export const rawBody: fc.Arbitrary<{ text: string; contentType: string }> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ text: fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'null', 'undefined', '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"admin":true}}', '"x"'), contentType: fc.constant('application/json') }) },
  { weight: 1, arbitrary: fc.record({ text: fc.integer({ min: 1_000, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)), contentType: fc.constant('application/json') }) },
  { weight: 4, arbitrary: fc.record({ text: fc.string({ unit: 'binary', maxLength: 500 }), contentType: fc.constantFrom('application/json', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/xml') }) },
  // one byte over the default 2 MiB body limit: the parser refuses it before anything else runs
  { weight: 1, arbitrary: fc.record({ text: fc.constant(`{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`), contentType: fc.constant('application/json') }) },
);

/**
 * Keeps the request line under Node's 16 KiB header limit: past it Node's HTTP parser answers a
 * bare 431 before the application sees the request (reported in issue 10, not fuzzed here).
 */
export const fitsInUrl = (bytes: number) => (s: string) => {
  try {
    return encodeURIComponent(s).length <= bytes;
  } catch {
    return false; // lone surrogates cannot be put in a URL at all
  }
};

/** Query strings: commands declare none, so every one must be ignored or refused, never trusted. */
export const hostileQuery: fc.Arbitrary<string> = fc.option(
  fc
    .dictionary(fc.constantFrom('minPosition', 'limit', 'lang', 'expectedRevision', 'as', 'role', '__proto__', 'x[y]', 'a'), fc.oneof(hostileString.filter(fitsInUrl(2000)), fc.integer().map(String)), { minKeys: 1, maxKeys: 4 })
    .map((q) => `?${new URLSearchParams(q as Record<string, string>).toString()}`),
  { nil: '', freq: 2 },
);

/** Header values must be ASCII (fetch refuses the rest), so hostility here is in the shape. */
export const idempotencyKey: fc.Arbitrary<string | undefined> = fc.option(
  fc.oneof(fc.uuid().map((u) => `fz-${u}`), fc.constantFrom('short', 'x'.repeat(500), '../..', 'a b c', 'fz-fixed-key-0001')),
  { nil: undefined, freq: 3 },
);
export const acceptLanguage = fc.constantFrom('en', 'zh-CN', 'zh', '*', 'xx-YY', 'en;q=abc,zh-CN;q=0.9', '');
