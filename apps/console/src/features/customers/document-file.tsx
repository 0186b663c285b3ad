import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { type DocumentFile, useCustomersT } from './customers.messages';

/**
 * ADR 0018: a document's scan, previewed in the page (PDF in a frame, images inline) and offered
 * for download under its original name. The bytes are fetched with the session's token and shown
 * from memory (blob:), so no link carries the token and nobody else's session can open it.
 */
export function DocumentFileActions({ file }: { file: DocumentFile }) {
  const { t } = useCustomersT();
  const { t: tt } = useI18n();
  const { api } = useSignedIn();
  const [url, setUrl] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);

  async function objectUrl(): Promise<string | null> {
    if (url) return url;
    setError(null);
    try {
      const blob = await api.blob(`/files/${encodeURIComponent(file.sha256)}`);
      const made = URL.createObjectURL(new Blob([blob], { type: file.mediaType }));
      setUrl(made);
      return made;
    } catch (e) {
      setError(describeError(e, tt));
      return null;
    }
  }

  async function download() {
    const href = await objectUrl();
    if (href) Object.assign(document.createElement('a'), { href, download: file.name }).click();
  }

  async function preview() {
    if (await objectUrl()) setOpen(true);
  }

  return (
    <span className="document-file" data-testid="document-file">
      <button type="button" className="button button-small button-secondary" onClick={() => void preview()}>{t('preview')}</button>{' '}
      <button type="button" className="button button-small button-secondary" onClick={() => void download()}>{t('download')}</button>
      {error ? <span className="error small" role="alert"> {error.message}</span> : null}
      {open && url ? (
        <div className="file-preview" role="dialog" aria-label={t('previewOf', { name: file.name })}>
          <div className="file-preview-header">
            <strong>{file.name}</strong>
            <button type="button" className="button button-small" onClick={() => setOpen(false)}>{t('close')}</button>
          </div>
          {file.mediaType === 'application/pdf'
            ? <iframe src={url} title={file.name} className="file-preview-body" />
            : <img src={url} alt={file.name} className="file-preview-body" />}
        </div>
      ) : null}
    </span>
  );
}
