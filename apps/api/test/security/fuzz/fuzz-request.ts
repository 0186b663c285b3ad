import fc from 'fast-check';
import type { Role } from '@crm/workflow-kit';
import type { Expectation } from '../access-matrix';
import { ROLES } from '../support/matrix-callers';
import { expectedVerdict } from '../support/matrix-probe';
import type { Operation } from '../support/openapi-operations';
import { bodyFor, type FuzzBody } from './body.arbitrary';
import { type FixturePool, PROTECTED_USERS } from './fuzz-fixtures';
import { type FuzzOperation, resourceOf } from './fuzz-operations';
import { acceptLanguage, fitsInUrl, hostileQuery, hostileString, idempotencyKey } from './hostile.arbitrary';
import { accepts, type JsonSchema } from './json-schema';
import { shapedLike } from './schema.arbitrary';

/** One fuzzed call: which operation, who calls, and what they send. */
export interface FuzzRequest {
  operation: FuzzOperation;
  /** the role signed in, or null for no token at all */
  role: Role | null;
  /** whether the access matrix admits that caller (undefined: the operation has no expectation yet) */
  admitted: boolean | undefined;
  params: string[];
  query: string;
  body: FuzzBody;
  idempotencyKey: string | undefined;
  acceptLanguage: string;
}

// dot segments would take the URL to another route
const encodable = (s: string) => fitsInUrl(3000)(s) && s !== '.' && s !== '..';

function pathValue(operation: FuzzOperation, name: string, schema: JsonSchema, fixtures: FixturePool): fc.Arbitrary<string> {
  const pool = fixtures[`${resourceOf(operation)}:${name}`] ?? [];
  const choices: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: shapedLike(schema).map(String) },
    { weight: 1, arbitrary: fc.constant('fz-nobody-0') },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0) },
  ];
  if (pool.length) choices.push({ weight: 5, arbitrary: fc.constantFrom(...pool) });
  return fc
    .oneof(...choices)
    .filter((value) => encodable(value) && !(name === 'username' && PROTECTED_USERS.has(value)));
}

/** A path parameter arrives as text; a numeric schema accepts the number it spells. */
export function paramAccepted(schema: JsonSchema, raw: string): boolean {
  const numeric = schema.type === 'integer' || schema.type === 'number';
  if (!numeric) return accepts(schema, raw);
  return /^-?\d+(\.\d+)?$/.test(raw) && accepts(schema, Number(raw));
}

function callerFor(operation: FuzzOperation, expectation: Expectation | undefined): fc.Arbitrary<{ role: Role | null; admitted: boolean | undefined }> {
  if (!expectation) return fc.constantFrom(...ROLES).map((role) => ({ role, admitted: undefined }));
  const admits = (role: Role) => expectedVerdict({ method: operation.method } as Operation, expectation, role) === 'pass';
  const allowed = ROLES.filter(admits);
  const others = ROLES.filter((r) => !admits(r));
  type Caller = { role: Role | null; admitted: boolean | undefined };
  const choices: Array<fc.WeightedArbitrary<Caller>> = [{ weight: 1, arbitrary: fc.constant({ role: null, admitted: expectation.access === 'public' }) }];
  if (allowed.length) choices.push({ weight: 6, arbitrary: fc.constantFrom(...allowed).map((role) => ({ role, admitted: true })) });
  if (others.length) choices.push({ weight: 2, arbitrary: fc.constantFrom(...others).map((role) => ({ role, admitted: false })) });
  return fc.oneof(...choices);
}

/** Calls spread evenly over the operations; within one, shaped by its schema and its matrix line. */
export function fuzzRequests(operations: FuzzOperation[], matrix: Readonly<Record<string, Expectation>>, fixtures: FixturePool): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    ...operations.map((operation) =>
      fc
        .record({
          caller: callerFor(operation, matrix[operation.key]),
          params: fc.tuple(...operation.pathParams.map((p) => pathValue(operation, p.name, p.schema, fixtures))),
          query: hostileQuery,
          body: bodyFor(operation.bodySchema),
          idempotencyKey,
          acceptLanguage,
        })
        .map(({ caller, ...rest }): FuzzRequest => ({ operation, ...caller, ...rest, params: rest.params as string[] })),
    ),
  );
}

/**
 * Nest's validation pipe deletes `__proto__`, `prototype` and `constructor` keys (its guard against
 * prototype pollution) before the schema sees the body, so they are not input the service judges.
 */
const withoutPrototypeKeys = (key: string, value: unknown) => (key === '__proto__' || key === 'prototype' || key === 'constructor' ? undefined : value);

/** Does the document say this call's input is acceptable (path parameters and body)? */
export function wellFormed(request: FuzzRequest): boolean {
  const { operation, body } = request;
  if (!operation.pathParams.every((p, i) => paramAccepted(p.schema, request.params[i]))) return false;
  if (!operation.bodySchema) return true; // the operation reads no JSON body: whatever was sent is not its input
  // an empty body reaches the handler as {} (Express's body parser), whatever its content type: well-formed when every field is optional
  if (body.text === undefined) return accepts(operation.bodySchema, {});
  if (body.contentType !== 'application/json' || body.text === undefined) return false;
  try {
    return accepts(operation.bodySchema, JSON.parse(body.text, withoutPrototypeKeys));
  } catch {
    return false;
  }
}

export function urlOf(request: FuzzRequest): string {
  let i = 0;
  return request.operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(request.params[i++])) + request.query;
}
