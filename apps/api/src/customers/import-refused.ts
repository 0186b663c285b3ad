import { BadRequestException } from '@nestjs/common';
import type { ImportRowError } from './pickup-import';

/** A refused import as a 400: the first row error named at the top (as every 400 names its field), all of them in `errors`. */
export function importRefused(report: { stage: string; errors: ImportRowError[]; recorded: number }, outcome: string): BadRequestException {
  const first = report.errors[0];
  return new BadRequestException({
    statusCode: 400, error: 'Bad Request', rule: 'IMPORT', field: first?.field ?? 'body', line: first?.line, stage: report.stage,
    message: first ? `${outcome} (line ${first.line}, ${first.field}: ${first.message})` : outcome, recorded: report.recorded, errors: report.errors,
  });
}
