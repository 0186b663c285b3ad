import fc from 'fast-check';
import { PersistentMap } from '../src/persistent-map';

/** Pairs whose FNV-1a hashes are equal: they must share a collision node and stay apart. */
const COLLIDING = [['p-139599', 'p-322382'], ['p-139598', 'p-322383']];

const sorted = <V>(entries: Array<[string, V]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const keyArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', '', ...COLLIDING.flat()),
  fc.nat(300).map((n) => `p-${n}`),
);

describe('PersistentMap (immutable hash trie)', () => {
  it('given any sequence of writes, it answers like a Map, and every earlier version still answers as it did', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 300 }), (writes) => {
        const model = new Map<string, { n: number }>();
        let map = PersistentMap.empty<{ n: number }>();
        const versions: Array<{ map: PersistentMap<{ n: number }>; entries: Array<[string, { n: number }]> }> = [];
        for (const [key, n] of writes) {
          versions.push({ map, entries: sorted([...model]) });
          const value = { n };
          map = map.set(key, value);
          model.set(key, value);
          expect(map.get(key)).toBe(value);
        }
        expect(map.size).toBe(model.size);
        expect(sorted(map.entries())).toEqual(sorted([...model]));
        for (const [key, value] of model) expect(map.get(key)).toBe(value);
        for (const v of versions) {
          expect(sorted(v.map.entries())).toEqual(v.entries);
          expect(v.map.size).toBe(v.entries.length);
        }
      }),
    );
  });

  it('reports absent keys as absent, including inherited property names', () => {
    const map = PersistentMap.empty<number>().set('a', 1);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'b', '']) {
      expect(map.has(key)).toBe(false);
      expect(map.get(key)).toBeUndefined();
    }
  });

  it('keeps keys with equal hashes apart, and updates one without touching the other', () => {
    let map = PersistentMap.empty<string>();
    for (const [a, b] of COLLIDING) map = map.set(a, `${a}:1`).set(b, `${b}:1`);
    const before = map;
    const after = map.set('p-322382', 'changed');
    expect(after.get('p-139599')).toBe('p-139599:1');
    expect(after.get('p-322382')).toBe('changed');
    expect(before.get('p-322382')).toBe('p-322382:1');
    expect(after.size).toBe(4);
    expect(after.changesSince(before)).toEqual([{ key: 'p-322382', before: 'p-322382:1', after: 'changed' }]);
  });

  it('returns the same version when a key is set to the value it already holds', () => {
    const value = { n: 1 };
    const map = PersistentMap.empty<{ n: number }>().set('a', value);
    expect(map.set('a', value)).toBe(map);
    expect(map.set('a', { n: 1 })).not.toBe(map);
  });

  it('changesSince lists exactly the keys added or replaced between two versions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArb, fc.nat(5)), { maxLength: 120 }), fc.array(fc.tuple(keyArb, fc.nat(5)), { maxLength: 40 }), (base, more) => {
        const values = [0, 1, 2, 3, 4, 5].map((n) => ({ n })); // shared, so re-setting one is "no change"
        const v = (n: number) => values[n];
        const before = base.reduce((m, [k, n]) => m.set(k, v(n)), PersistentMap.empty<{ n: number }>());
        const after = more.reduce((m, [k, n]) => m.set(k, v(n)), before);
        const expected = [...new Set(more.map(([k]) => k))]
          .filter((k) => before.get(k) !== after.get(k))
          .map((key) => ({ key, before: before.get(key), after: after.get(key) }));
        const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        expect(after.changesSince(before).sort(byKey)).toEqual(expected.sort(byKey));
        expect(before.changesSince(before)).toEqual([]);
      }),
    );
  });

  it('serialises as the plain record it stands for', () => {
    const map = PersistentMap.empty<number>().set('b', 2).set('a', 1).set('__proto__', 3);
    expect(JSON.parse(JSON.stringify({ m: map }))).toEqual(JSON.parse('{"m":{"a":1,"b":2,"__proto__":3}}'));
  });
});
