import { BadRequestException } from '@nestjs/common';
import { ImportBody } from './customers.bodies';
import type { ImportRowError } from './pickup-import';

/** An import's CSV: a text/csv body, or JSON {csv} from clients that only send JSON. */
export function csvOf(body: unknown): string {
  if (typeof body === 'string') return body;
  const parsed = ImportBody.safeParse(body);
  if (parsed.success) return parsed.data.csv;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'SCHEMA', field: 'csv', message: 'send the CSV as a text/csv body or as JSON {"csv": "..."}' });
}

/** A refused import as a 400: the first row error named at the top (as every 400 names its field), all of them in `errors`. */
export function importRefused(report: { stage: string; errors: ImportRowError[]; recorded: number }, outcome: string): BadRequestException {
  const first = report.errors[0];
  return new BadRequestException({
    statusCode: 400, error: 'Bad Request', rule: 'IMPORT', field: first?.field ?? 'body', line: first?.line, stage: report.stage,
    message: first ? `${outcome} (line ${first.line}, ${first.field}: ${first.message})` : outcome, recorded: report.recorded, errors: report.errors,
  });
}
