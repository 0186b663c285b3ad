import { useId } from 'react';
import type { ApiClient } from '../../../api/api-client';
import { useDocumentsT } from './documents.messages';

/** What POST /files answers, as a command names the file (ADR 0018). */
export interface FileReference { sha256: string; name: string; mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'; size: number }

/** One multipart upload (POST /files, part "file"); the API checks the type by content and the size, and says why in the page's language. */
export async function uploadScan(api: ApiClient, file: File): Promise<FileReference> {
  const stored = await api.postFile<FileReference & { position?: number }>('/files', file, file.name);
  return { sha256: stored.sha256, name: stored.name, mediaType: stored.mediaType, size: stored.size };
}

/** A labelled file input for a scan; the chosen file is uploaded when the form is sent. */
export function ScanField({ label, file, error, onChange }: { label: string; file: File | null; error?: string; onChange(file: File | null): void }) {
  const { t } = useDocumentsT();
  const id = useId();
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={described} aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      <span id={`${id}-hint`} className="hint">{file ? t('chosen', { name: file.name }) : t('scanHint')}</span>
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </div>
  );
}
