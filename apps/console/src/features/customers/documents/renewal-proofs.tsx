import { ApproveRenewalProof, FileRenewalProof, RejectRenewalProof } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { CommandForm } from '../../../components/command-form';
import { formatInstant } from '../../../format/shanghai-time';
import { randomId } from '../../record-kit/random-id';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { type CustomerDocument, personName } from '../customers.messages';
import { DocumentFileActions } from '../document-file';
import { FoldedForm } from './folded-form';
import { RECORD_WORDING } from '../records/field-issues';
import { FormOutcome, RecordField } from '../records/record-fields';
import { mayIssue } from '../records/record-roles';
import { type RenewalProofView, useDocumentsT, useKindLabel } from './documents.messages';
import { ScanField, uploadScan } from './scan-field';

export type DocumentWithProof = CustomerDocument & { renewalProof?: RenewalProofView | null };
type People = Record<string, { name: string }> | undefined;

/** 营业执照（BL-1，有效期至 2026-10-20）: a document by its kind, number and validity, never its id. */
function useDocumentLabel(): (d: CustomerDocument) => string {
  const { t } = useDocumentsT();
  const kindLabel = useKindLabel();
  return (d) => t('proofOf', { doc: kindLabel(d.kind), number: d.number, until: d.validUntil });
}

/**
 * R-EVAL-1 "未能按期换证且不能提供相关证明": the archive keepers file proof that a renewal is under way
 * (its scan uploaded first), asking the sales department to postpone the suspension to the expected date.
 */
export function RenewalProofForm({ customerId, documents, onFiled }: { customerId: string; documents: readonly DocumentWithProof[]; onFiled(position: number): void }) {
  const { t } = useDocumentsT();
  const documentLabel = useDocumentLabel();
  const { api } = useSignedIn();
  const open = documents.filter((d) => d.renewalProof?.status !== 'pending');
  const form = useRecordForm({ documentId: open[0]?.documentId ?? '', description: '', expectedBy: '' }, { wording: RECORD_WORDING, draft: `customer/${customerId}/renewal-proof` });
  const [proofId, setProofId] = useState(() => randomId('proof'));
  const [file, setFile] = useState<File | null>(null);
  const [round, setRound] = useState(0);
  if (open.length === 0) return <p className="muted">{t('noDocument')}</p>;
  const documentId = open.some((d) => d.documentId === form.values.documentId) ? form.values.documentId : open[0].documentId;

  async function submit() {
    const body = { proofId, description: form.values.description.trim(), expectedBy: form.values.expectedBy };
    if (!form.check(FileRenewalProof.omit({ file: true }), { documentId, ...body })) return;
    const filePath = `/customers/${encodeURIComponent(customerId)}/documents/${encodeURIComponent(documentId)}/renewal-proofs`;
    const answer = await form.send(async () => api.post<CommandAnswer>(filePath, file ? { ...body, file: await uploadScan(api, file) } : body), () => t('proofSent'), { reset: true });
    if (!answer) return;
    setProofId(randomId('proof'));
    setFile(null);
    setRound((n) => n + 1);
    onFiled(answer.position);
  }

  const options = open.map((d) => ({ value: d.documentId, label: documentLabel(d) }));
  return (
    <FoldedForm form={form} title={t('proof')} intro={t('proofIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="documentId" label={t('document')} kind="select" options={options} />
        <RecordField form={form} name="expectedBy" label={t('expectedBy')} kind="date" />
      </div>
      <RecordField form={form} name="description" label={t('description')} kind="textarea" />
      <ScanField key={round} label={t('scanOptional')} file={file} onChange={setFile} />
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('proofButton')}</button></div>
    </FoldedForm>
  );
}

/** The proofs on the archive: a pending one decided by the sales department (never its filer), the latest decision otherwise. */
export function RenewalProofReviews({ customerId, documents, people, onDone }: { customerId: string; documents: readonly DocumentWithProof[]; people: People; onDone(position?: number): void }) {
  const proofs = documents.filter((d) => d.renewalProof);
  if (proofs.length === 0) return null;
  return <>{proofs.map((d) => <ProofReview key={`${d.documentId}-${d.renewalProof?.proofId}-${d.renewalProof?.status}`} customerId={customerId} document={d} proof={d.renewalProof as RenewalProofView} people={people} onDone={onDone} />)}</>;
}

function ProofReview({ customerId, document: d, proof, people, onDone }: { customerId: string; document: DocumentWithProof; proof: RenewalProofView; people: People; onDone(position?: number): void }) {
  const { t } = useDocumentsT();
  const documentLabel = useDocumentLabel();
  const { api, session } = useSignedIn();
  const path = `/customers/${encodeURIComponent(customerId)}/documents/${encodeURIComponent(d.documentId)}/renewal-proofs`;
  const filed = t('filed', { by: personName(people, proof.filedBy), at: formatInstant(proof.filedAt), description: proof.description, expected: proof.expectedBy });
  const by = personName(people, proof.decidedBy ?? '');
  const at = proof.decidedAt ? formatInstant(proof.decidedAt) : '';
  const decided = proof.status === 'approved' ? t('lastApproved', { by, at, until: proof.graceUntil ?? proof.expectedBy })
    : proof.status === 'rejected' ? t('lastRejected', { by, at, comment: proof.comment ?? '' }) : null;
  const decides = proof.status === 'pending' && mayIssue(session.user, 'ApproveRenewalProof') && proof.filedBy !== session.user.id;
  const schemas = { [t('approve')]: ApproveRenewalProof.omit({ documentId: true }), [t('reject')]: RejectRenewalProof.omit({ documentId: true }) };
  return (
    <div className="command-form" role="group" aria-label={`${t('review')} ${documentLabel(d)}`} data-testid="renewal-proof" data-proof-state={proof.status}>
      <h3 className="command-title">{t('review')} · {documentLabel(d)}</h3>
      <p>{filed}</p>
      {proof.file ? <p>{t('proofFile')}：{proof.file.name} <DocumentFileActions file={proof.file} /></p> : null}
      {decided ? <p className="notice" role="note">{decided}</p> : null}
      {proof.status === 'pending' && !decides ? <p className="notice notice-warning" role="note">{proof.filedBy === session.user.id && mayIssue(session.user, 'ApproveRenewalProof') ? t('ownProof') : t('waiting')}</p> : null}
      {decides ? (
        <CommandForm
          title={`${t('review')} · ${documentLabel(d)}`}
          showTitle={false}
          draft={`customer/${customerId}/renewal-proof/${proof.proofId}`}
          fields={[{ name: 'comment', label: t('comment'), kind: 'textarea', optional: true }]}
          buttons={[
            { label: t('approve'), send: (body) => api.post(`${path}/approve`, body) },
            { label: t('reject'), tone: 'danger', confirm: t('rejectConfirm'), send: (body) => api.post(`${path}/reject`, body) },
          ]}
          schemas={schemas}
          onDone={(result) => onDone((result as { position?: number }).position)}
        />
      ) : null}
    </div>
  );
}
