import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { Problem } from '../http/problem';

/** The one file of an upload, read whole (within the limit) from the request stream. */
export interface UploadedPart {
  /** the name the client gave, without any directory part */
  name: string;
  bytes: Buffer;
}

export class UploadRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const refused = (statusCode: number, error: string, rule: string, field: string, message: string, extra: Record<string, unknown> = {}) =>
  new UploadRefused({ statusCode, error, rule, field, message, ...extra });

/** Old browsers send the client's full path; only its last segment is the file's name. */
const baseName = (name: string): string => name.split(/[/\\]/).pop() ?? '';

/**
 * Parses multipart/form-data as it streams in (busboy) and keeps the part named `file`: more
 * than `maxBytes` and the rest is discarded while the body is drained, then refused 413 naming
 * the limit (answering before the client finished sending would cut its connection under it).
 * Form fields and other parts are not kept. File names are read as UTF-8 (browsers send them so).
 */
export function readUploadedFile(request: IncomingMessage, maxBytes: number): Promise<UploadedPart> {
  if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
    return Promise.reject(refused(415, 'Unsupported Media Type', 'SCHEMA', 'body', 'send the file as multipart/form-data with the part named "file"'));
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 21, fieldSize: 1024 } });
    } catch (error) {
      reject(refused(400, 'Bad Request', 'SCHEMA', 'body', `not a readable multipart body: ${(error as Error).message}`));
      return;
    }
    let found: UploadedPart | null = null;
    let tooLarge = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on('close', () => {
        if (!tooLarge) found = { name: baseName(info.filename ?? ''), bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('error', (error: Error) => {
      request.unpipe(parser);
      request.resume();
      reject(refused(400, 'Bad Request', 'SCHEMA', 'body', `not a readable multipart body: ${error.message}`));
    });
    parser.on('close', () => {
      if (tooLarge) reject(refused(413, 'Payload Too Large', 'FILE-TOO-LARGE', 'file', `the file is larger than ${maxBytes} bytes (FILE_MAX_BYTES)`, { limitBytes: maxBytes }));
      else if (!found) reject(refused(400, 'Bad Request', 'SCHEMA', 'file', 'no part named "file" in the form'));
      else resolve(found);
    });
    request.pipe(parser);
  });
}
