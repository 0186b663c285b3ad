import type { IncomingMessage } from 'node:http';
import { BadRequestException, HttpException } from '@nestjs/common';
import type { TabularInput } from '@crm/customers';
import { readUploadedFile, UploadRefused } from '../files/multipart-file';
import { isZip, readXlsxRecords, UnreadableWorkbook } from '../spreadsheets/xlsx-reader';
import { ImportBody } from './customers.bodies';

/** As large as the CSV body an import accepts. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const refused = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'SCHEMA', field: 'body', message });

/**
 * An import's rows, whatever the file: a text/csv body, JSON {csv}, an .xlsx body (its media type
 * or application/octet-stream), or either file as the part `file` of a multipart form. A binary
 * body is told apart by its bytes (a ZIP header is a workbook), not by a name or a claimed type;
 * the workbook's first sheet becomes the records the CSV parser reads, so one parser checks both.
 */
export async function importTableOf(request: IncomingMessage & { body?: unknown }): Promise<TabularInput> {
  if (/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) return tableOfBytes(await uploadedPart(request));
  const body = request.body;
  if (Buffer.isBuffer(body)) return tableOfBytes(body);
  if (typeof body === 'string') {
    // a workbook sent as text/csv was decoded as UTF-8 and cannot be recovered
    if (body.startsWith('PK\u0003\u0004')) throw refused('an .xlsx file was sent as text: send it as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return body;
  }
  const parsed = ImportBody.safeParse(body);
  if (parsed.success) return parsed.data.csv;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', rule: 'SCHEMA', field: 'csv', message: 'send the CSV as a text/csv body or as JSON {"csv": "..."}, or an .xlsx file' });
}

async function tableOfBytes(bytes: Buffer): Promise<TabularInput> {
  if (!isZip(bytes)) return bytes.toString('utf8');
  try {
    return await readXlsxRecords(bytes);
  } catch (error) {
    if (error instanceof UnreadableWorkbook) throw refused(error.message);
    throw error;
  }
}

async function uploadedPart(request: IncomingMessage): Promise<Buffer> {
  try {
    return (await readUploadedFile(request, IMPORT_MAX_BYTES)).bytes;
  } catch (error) {
    if (error instanceof UploadRefused) throw new HttpException(error.problem, error.problem.statusCode);
    throw error;
  }
}
