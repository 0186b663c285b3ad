import type { Expectation } from '../access-matrix';
import type { Operation } from './openapi-operations';

/**
 * The lines to add to (or remove from) ACCESS_MATRIX, ready to paste. The suggestion is built
 * from what the endpoint declares, so check it against docs/domain.md before pasting: the
 * table exists to disagree with a wrong decorator.
 */
export function matrixDrift(operations: readonly Operation[], matrix: Readonly<Record<string, Expectation>>): string | null {
  const inDocument = new Set(operations.map((o) => o.key));
  const missing = operations.filter((o) => !(o.key in matrix));
  const stale = Object.keys(matrix).filter((key) => !inDocument.has(key));
  if (missing.length === 0 && stale.length === 0) return null;
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(
      `${missing.length} operation(s) in /openapi.json have no expectation. Add to ACCESS_MATRIX in apps/api/test/security/access-matrix.ts`,
      '(suggested from the endpoint’s own decorators; check the roles against docs/domain.md "Who uses it"):',
      ...missing.map((o) => `  '${o.key}': ${suggestion(o)},`),
    );
  }
  if (stale.length > 0) {
    parts.push(`${stale.length} expectation(s) name no operation of /openapi.json (renamed or removed?). Remove or fix:`, ...stale.map((k) => `  '${k}'`));
  }
  return parts.join('\n');
}

function suggestion(operation: Operation): string {
  const { roles, isPublic, auditorAllowed } = operation.declared;
  const base = isPublic ? 'PUBLIC' : roles?.length ? `roles(${roles.map((r) => `'${r}'`).join(', ')})` : 'ANY_ROLE';
  return auditorAllowed ? `{ ...${base}, auditorMayCall: true }` : base;
}
