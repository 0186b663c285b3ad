import fc from 'fast-check';
import { garbageBody, hostileLeaf, hostileString, rawBody } from './hostile.arbitrary';
import type { JsonSchema } from './json-schema';
import { shapedLike } from './schema.arbitrary';

/** What goes on the wire, and how it was made (for the tally only: `accepts` judges it). */
export interface FuzzBody {
  origin: 'shaped' | 'mutated' | 'garbage' | 'raw' | 'none';
  text: string | undefined;
  contentType: string | undefined;
}

type Path = Array<string | number>;

/** Every place in a JSON value a mutation can hit, the root included. */
function placesIn(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => placesIn(item, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) placesIn(v, [...at, k], out);
  return out;
}

type Mutation = { op: 'replace' | 'delete' | 'add'; key: string; leaf: unknown };

function mutated(value: unknown, place: Path, mutation: Mutation): unknown {
  if (place.length === 0) {
    if (mutation.op === 'replace') return mutation.leaf;
    if (mutation.op === 'add' && value && typeof value === 'object' && !Array.isArray(value)) return { ...value, [mutation.key]: mutation.leaf };
    return value;
  }
  const [head, ...rest] = place;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mutation.op === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = mutated(copy[Number(head)], rest, mutation);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mutation.op === 'delete') delete copy[head];
  else copy[head] = mutated(copy[head], rest, mutation);
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('replace', 'replace', 'delete', 'add'),
  key: fc.oneof(hostileString.filter((s) => s.length < 100), fc.constantFrom('__proto__', 'constructor', 'extra', 'by', 'actor', 'roles')),
  leaf: hostileLeaf,
});

/** A value shaped like the schema with one to three things wrong with it. */
function brokenLike(schema: JsonSchema): fc.Arbitrary<unknown> {
  return shapedLike(schema).chain((value) =>
    fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }).map((mutations) =>
      mutations.reduce((current, [pick, m]) => {
        const places = placesIn(current);
        return mutated(current, places[pick % places.length], m);
      }, value),
    ),
  );
}

const json = (value: unknown): FuzzBody['text'] => (value === undefined ? undefined : JSON.stringify(value));

/** Bodies for one operation: mostly near its schema, some garbage, some not JSON at all. */
export function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<FuzzBody> {
  const target = schema ?? { type: 'object', properties: {}, additionalProperties: false };
  const asJson = (origin: FuzzBody['origin']) => (value: unknown): FuzzBody => ({ origin, text: json(value), contentType: 'application/json' });
  return fc.oneof(
    { weight: 3, arbitrary: shapedLike(target).map(asJson('shaped')) },
    { weight: 4, arbitrary: brokenLike(target).map(asJson('mutated')) },
    { weight: 2, arbitrary: garbageBody.map(asJson('garbage')) },
    { weight: 1, arbitrary: rawBody.map((raw): FuzzBody => ({ origin: 'raw', ...raw })) },
    { weight: 1, arbitrary: fc.constant<FuzzBody>({ origin: 'none', text: undefined, contentType: undefined }) },
  );
}
