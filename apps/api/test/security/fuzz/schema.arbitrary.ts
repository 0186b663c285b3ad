import fc from 'fast-check';
import type { JsonSchema } from './json-schema';

/**
 * Values shaped like a schema (best effort: `accepts` decides afterwards). Bodies that look
 * right get past the edge into the deciders, where the interesting refusals live; garbage alone
 * would only ever test the validation pipe.
 */
export function shapedLike(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) return fc.oneof(...choices.map((s) => shapedLike(s, depth + 1)));
  if (schema.allOf?.length) return shapedLike(Object.assign({}, ...schema.allOf), depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringLike(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? -1e6), max: Math.floor(schema.maximum ?? 1e6) });
    case 'number':
      return numberLike(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(shapedLike(schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3) });
    case 'object':
      return objectLike(schema, depth);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

const DATE = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

function stringLike(schema: JsonSchema): fc.Arbitrary<string> {
  // webhook targets point at a closed local port, so a delivery pass fails fast and offline
  if (schema.format === 'uri') return fc.constantFrom('http://127.0.0.1:9/hook', 'https://127.0.0.1:9/a?b=1');
  if (schema.format === 'date-time') return DATE.map((d) => d.toISOString());
  if (schema.format === 'date') return DATE.map((d) => d.toISOString().slice(0, 10));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, minLength + 40));
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // a pattern fast-check cannot generate from (look-aheads): fall back to plain text
    }
  }
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));
}

function numberLike(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1e6;
  const max = schema.maximum ?? 1e6;
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum === true, maxExcluded: schema.exclusiveMaximum === true });
}

function objectLike(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  if (depth > 6) return fc.constant({});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = shapedLike(property, depth + 1);
  return fc.record(model, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
}
