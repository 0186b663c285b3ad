import { RenewQualificationDocument } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { labelOr, useOnboardingLabels } from '../../../components/onboarding-labels';
import type { CustomerDocument } from '../customers.messages';
import { FormOutcome, RecordField, RecordFormFrame } from './record-fields';
import { useRecordsT } from './records.messages';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { RECORD_WORDING } from './field-issues';
import { ScanField, uploadScan } from '../documents/scan-field';
import { useDocumentsT } from '../documents/documents.messages';

/** R-ARC-4 / R-EVAL-1: a renewed qualification document filed on the archive (its new number and validity, and its scan: ADR 0018). */
export function RenewalForm({ customerId, documents, onRenewed }: { customerId: string; documents: readonly CustomerDocument[]; onRenewed(position: number): void }) {
  const { t } = useRecordsT();
  const { t: l } = useOnboardingLabels();
  const { t: dt } = useDocumentsT();
  const { api } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [round, setRound] = useState(0);
  const form = useRecordForm({ documentId: documents[0]?.documentId ?? '', number: '', validFrom: '', validUntil: '' }, { wording: RECORD_WORDING, draft: `customer/${customerId}/renewal` });
  if (documents.length === 0) return null;

  async function submit() {
    const v = form.values;
    const body = { number: v.number.trim(), validFrom: v.validFrom, validUntil: v.validUntil };
    if (!form.check(RenewQualificationDocument, { documentId: v.documentId, ...body })) return;
    const path = `/customers/${encodeURIComponent(customerId)}/documents/${encodeURIComponent(v.documentId)}/renew`;
    const answer = await form.send(async () => api.post<CommandAnswer>(path, file ? { ...body, file: await uploadScan(api, file) } : body), () => t('renewed'), { reset: true });
    if (!answer) return;
    setFile(null);
    setRound((n) => n + 1);
    onRenewed(answer.position);
  }

  const options = documents.map((d) => ({ value: d.documentId, label: `${labelOr(l, `doc.${d.kind}`)} · ${d.number} · ${d.validUntil}` }));
  return (
    <RecordFormFrame title={t('renewal')} intro={t('renewalIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="documentId" label={t('document')} kind="select" options={options} />
        <RecordField form={form} name="number" label={t('docNumber')} />
        <RecordField form={form} name="validFrom" label={t('validFrom')} kind="date" />
        <RecordField form={form} name="validUntil" label={t('validUntil')} kind="date" />
      </div>
      <ScanField key={round} label={dt('scanOptional')} file={file} onChange={setFile} />
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('renew')}</button></div>
    </RecordFormFrame>
  );
}
