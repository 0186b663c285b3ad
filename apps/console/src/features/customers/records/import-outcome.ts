import { describeError, type ErrorDescription } from '../../../api/describe-error';
import type { I18n } from '../../../i18n/i18n.context';
import { ApiError } from '../../../api/problem';

/** One refused row of an import, as the API names it (line, column, rule). */
export interface ImportRowError { line: number; field: string; message: string; rule?: string }

/** What a file import came to: its report, or the refusal with its rows (the pickup and the bank-statement imports alike). */
export type ImportOutcome<Report> = { kind: 'done'; report: Report } | { kind: 'refused'; error: ErrorDescription; rows: ImportRowError[]; stage?: string; recorded: number };

/** An import's refusal: the message in the reader's language, and the rows, stage and count the problem body carries. */
export function importRefusal(error: unknown, t: I18n['t']): ImportOutcome<never> {
  const body = error instanceof ApiError ? (error.problem as unknown as { errors?: ImportRowError[]; stage?: string; recorded?: number }) : {};
  return { kind: 'refused', error: describeError(error, t), rows: Array.isArray(body.errors) ? body.errors : [], stage: body.stage, recorded: body.recorded ?? 0 };
}

/** Offers a CSV template for download (Excel opens it: the template carries its own BOM). */
export function downloadCsv(text: string, fileName: string): void {
  const href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  Object.assign(document.createElement('a'), { href, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
