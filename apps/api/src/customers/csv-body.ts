import { BadRequestException } from '@nestjs/common';
import { ImportBody } from './customers.bodies';

/** An import's CSV: a text/csv body, or JSON {csv} from clients that only send JSON. */
export function csvOf(body: unknown): string {
  if (typeof body === 'string') return body;
  const parsed = ImportBody.safeParse(body);
  if (parsed.success) return parsed.data.csv;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'SCHEMA', field: 'csv', message: 'send the CSV as a text/csv body or as JSON {"csv": "..."}' });
}
