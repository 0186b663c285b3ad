/**
 * The subset of OpenAPI 3.0 schema the service's request bodies and parameters use (zod's
 * `toJSONSchema` output): enough to say whether a value is what the document promises to accept.
 * Unknown keywords are ignored, so the check errs towards "well-formed": the fuzz only flags a
 * 2xx when the document itself says the input was wrong.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
}

const patterns = new Map<string, RegExp>();
function regexOf(pattern: string): RegExp {
  const known = patterns.get(pattern);
  if (known) return known;
  const compiled = new RegExp(pattern);
  patterns.set(pattern, compiled);
  return compiled;
}

/** Does `value` satisfy `schema`? */
export function accepts(schema: JsonSchema, value: unknown): boolean {
  if (value === null) return schema.nullable === true || typesOf(schema).includes('null');
  if (schema.enum && !schema.enum.includes(value)) return false;
  if ('const' in schema && schema.const !== value) return false;
  if (schema.oneOf && schema.oneOf.filter((s) => accepts(s, value)).length !== 1) return false;
  if (schema.anyOf && !schema.anyOf.some((s) => accepts(s, value))) return false;
  if (schema.allOf && !schema.allOf.every((s) => accepts(s, value))) return false;
  const types = typesOf(schema);
  if (types.length > 0 && !types.some((t) => hasType(t, value))) return false;
  if (typeof value === 'string') return stringOk(schema, value);
  if (typeof value === 'number') return numberOk(schema, value);
  if (Array.isArray(value)) return arrayOk(schema, value);
  if (typeof value === 'object') return objectOk(schema, value as Record<string, unknown>);
  return true;
}

function typesOf(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

// zod counts UTF-16 code units, as `.length` does; so does this check
function stringOk(schema: JsonSchema, value: string): boolean {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  if (schema.pattern !== undefined && !regexOf(schema.pattern).test(value)) return false;
  if (schema.format === 'uri' && !URL.canParse(value)) return false;
  return true;
}

function numberOk(schema: JsonSchema, value: number): boolean {
  const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  if (typeof exMin === 'number' && value <= exMin) return false;
  if (typeof exMax === 'number' && value >= exMax) return false;
  if (minimum !== undefined && (exMin === true ? value <= minimum : value < minimum)) return false;
  if (maximum !== undefined && (exMax === true ? value >= maximum : value > maximum)) return false;
  return true;
}

function arrayOk(schema: JsonSchema, value: unknown[]): boolean {
  if (schema.minItems !== undefined && value.length < schema.minItems) return false;
  if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
  const items = schema.items;
  return items === undefined || value.every((item) => accepts(items, item));
}

function objectOk(schema: JsonSchema, value: Record<string, unknown>): boolean {
  const properties = schema.properties ?? {};
  if ((schema.required ?? []).some((key) => value[key] === undefined)) return false;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (own) {
      if (!accepts(own, item)) return false;
    } else if (schema.additionalProperties === false) {
      return false;
    } else if (typeof schema.additionalProperties === 'object' && !accepts(schema.additionalProperties, item)) {
      return false;
    }
  }
  return true;
}
