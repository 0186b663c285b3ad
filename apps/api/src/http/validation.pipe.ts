import { BadRequestException, StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';

/**
 * Every body, query and path parameter declared with `@Body({ schema })` etc. is parsed by its zod
 * schema here; the 400 names each field and the rule it broke.
 */
export function zodValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues: readonly StandardSchemaV1.Issue[]) => {
      const list = issues.slice(0, 20).map((issue) => ({
        field: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || '(root)',
        message: issue.message,
        ...issueParams(issue as StandardSchemaV1.Issue & Record<string, unknown>),
      }));
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        rule: 'SCHEMA',
        field: list[0]?.field,
        message: list.map((i) => `${i.field}: ${i.message}`).join('; '),
        issues: list,
      });
    },
  });
}

/**
 * What zod's issue says beyond its English message (code, bounds, format), so the refusal can be
 * said again in the caller's language (issue-messages.zh-cn.ts); never the input itself.
 */
function issueParams(issue: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(['code', 'origin', 'minimum', 'maximum', 'inclusive', 'expected', 'format', 'keys'].filter((k) => issue[k] !== undefined).map((k) => [k, typeof issue[k] === 'bigint' ? String(issue[k]) : issue[k]]));
  return issue.code === 'invalid_type' && /received undefined/.test(String(issue.message)) ? { ...kept, missing: true } : kept;
}
