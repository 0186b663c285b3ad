import { AddQualificationDocument } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { randomId } from '../../record-kit/random-id';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { FoldedForm } from './folded-form';
import { RECORD_WORDING } from '../records/field-issues';
import { FormOutcome, RecordField } from '../records/record-fields';
import { DOCUMENT_KINDS, useDocumentsT, useKindLabel } from './documents.messages';
import { ScanField, uploadScan } from './scan-field';

/**
 * R-ARC-1 / R-ARC-4 (ADR 0018, 0024): a document the customer obtained joins the archive with its
 * scan: the scan is uploaded (POST /files) and named in POST /customers/{id}/documents. The id is
 * the form's own, so a retried submit files the document once.
 */
export function AddDocumentForm({ customerId, onAdded }: { customerId: string; onAdded(position: number): void }) {
  const { t } = useDocumentsT();
  const kindLabel = useKindLabel();
  const { api } = useSignedIn();
  const form = useRecordForm({ kind: DOCUMENT_KINDS[0], number: '', validFrom: '', validUntil: '', reason: '' }, { wording: RECORD_WORDING, draft: `customer/${customerId}/add-document` });
  const [documentId, setDocumentId] = useState(() => randomId('doc'));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [round, setRound] = useState(0);

  async function submit() {
    const v = form.values;
    const body = { documentId, kind: v.kind, number: v.number.trim(), validFrom: v.validFrom, validUntil: v.validUntil, reason: v.reason.trim() };
    setFileError(file ? undefined : t('scanRequired'));
    if (!form.check(AddQualificationDocument, body) || !file) return;
    const path = `/customers/${encodeURIComponent(customerId)}/documents`;
    const answer = await form.send(async () => api.post<CommandAnswer>(path, { ...body, file: await uploadScan(api, file) }), () => t('added'), { reset: true });
    if (!answer) return;
    setDocumentId(randomId('doc'));
    setFile(null);
    setRound((n) => n + 1);
    onAdded(answer.position);
  }

  const kinds = DOCUMENT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
  return (
    <FoldedForm form={form} title={t('add')} intro={t('addIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="kind" label={t('kind')} kind="select" options={kinds} />
        <RecordField form={form} name="number" label={t('number')} />
        <RecordField form={form} name="validFrom" label={t('validFrom')} kind="date" />
        <RecordField form={form} name="validUntil" label={t('validUntil')} kind="date" />
      </div>
      <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
      <ScanField key={round} label={t('scan')} file={file} error={fileError} onChange={(f) => { setFile(f); setFileError(undefined); }} />
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('addButton')}</button></div>
    </FoldedForm>
  );
}
