import { fileContentType } from './file-content-type';
import { FileReference } from './file-reference';
import { findFileReferences } from './find-file-references';

const sha = 'a'.repeat(64);
const ref = { sha256: sha, name: '营业执照.pdf', mediaType: 'application/pdf', size: 1234 };

describe('files by content (ADR 0018)', () => {
  it('R-ONB-1: a scan is a PDF, JPEG or PNG by its first bytes, whatever it is called', () => {
    expect(fileContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(fileContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(fileContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(fileContentType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(fileContentType(Buffer.from('%PD'))).toBeNull();
    expect(fileContentType(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
  });

  it('a reference names the file by a lower-case sha-256 and a name that is not a path', () => {
    expect(FileReference.safeParse(ref).success).toBe(true);
    expect(FileReference.safeParse({ ...ref, sha256: sha.toUpperCase() }).success).toBe(false);
    expect(FileReference.safeParse({ ...ref, name: '../../etc/passwd' }).success).toBe(false);
    expect(FileReference.safeParse({ ...ref, name: 'licence\u202Efdp.exe' }).success).toBe(false);
    expect(FileReference.safeParse({ ...ref, mediaType: 'application/x-msdownload' }).success).toBe(false);
  });

  it('finds every reference in any event data, with its path', () => {
    const data = { documents: [{ documentId: 'd1', file: ref }, { documentId: 'd2' }], previous: { file: { ...ref, sha256: 'b'.repeat(64) } }, sha256: 'not a reference' };
    expect(findFileReferences(data)).toEqual([
      { path: 'documents.0.file', file: ref },
      { path: 'previous.file', file: { ...ref, sha256: 'b'.repeat(64) } },
    ]);
    expect(findFileReferences({ customerId: 'c-1', tonnes: 3 })).toEqual([]);
  });
});
