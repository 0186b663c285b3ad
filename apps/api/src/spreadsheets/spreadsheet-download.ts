import { applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { contentDisposition } from '../files/content-disposition';
import { writeCsv } from './csv-writer';
import { requestedSheet } from './sheet-format';
import type { Spreadsheet } from './sheet';
import { writeXlsx, XLSX_MEDIA_TYPE } from './xlsx-writer';

/**
 * The one place a report becomes a download: the handler answers its JSON as always; when the
 * request asks for csv or xlsx, `build` lays that same answer out as tables and the writer sends
 * them. Errors thrown by the handler stay JSON problems.
 */
class SpreadsheetInterceptor<T> implements NestInterceptor {
  constructor(private readonly build: (body: T) => Spreadsheet) {}

  intercept(context: ExecutionContext, next: CallHandler<T>): Observable<unknown> {
    const format = requestedSheet(context.switchToHttp().getRequest<Request>());
    if (!format) return next.handle();
    return next.handle().pipe(mergeMap((body) => from(this.file(this.build(body), format))));
  }

  private async file(sheet: Spreadsheet, format: 'csv' | 'xlsx'): Promise<StreamableFile> {
    const bytes = format === 'xlsx' ? await writeXlsx(sheet) : Buffer.from(writeCsv(sheet), 'utf8');
    const type = format === 'xlsx' ? XLSX_MEDIA_TYPE : 'text/csv; charset=utf-8';
    return new StreamableFile(bytes, { type, length: bytes.length, disposition: contentDisposition(`${sheet.fileName}.${format}`, false) });
  }
}

/** Offers the endpoint's answer as CSV and xlsx too (`?format=csv|xlsx`, or Accept); the query schema spreads `SheetQuery`. */
export function SpreadsheetDownload<T>(build: (body: T) => Spreadsheet): MethodDecorator {
  return applyDecorators(UseInterceptors(new SpreadsheetInterceptor(build)), ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE));
}
