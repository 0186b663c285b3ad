import { createHash } from 'node:crypto';
import type { TestApi } from '../support/test-api';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A small but well-formed one-page PDF (what a scanner's driver writes, minus the image). */
export function licencePdf(label = '营业执照'): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `% ${label} ${Math.random().toString(36).slice(2)}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'utf8');
}

/** The 8-byte PNG signature and an IHDR chunk start: enough for any type check by content. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), Buffer.from('scan of a tax registration')]);
/** A Windows executable's header ('MZ'), whatever its name says. */
export const EXE_BYTES = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(200, 0x41)]);

/** A real multipart/form-data upload (Node's fetch builds the body from FormData). */
export async function upload(api: TestApi, token: string, bytes: Buffer, name: string, options: { type?: string; field?: string; language?: string } = {}) {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: options.type ?? 'application/pdf' }), name);
  const response = await fetch(`${api.url}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(options.language ? { 'accept-language': options.language } : {}) },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function download(api: TestApi, token: string, sha: string, query = '') {
  const response = await fetch(`${api.url}/files/${sha}${query}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}
