import { ApproveIdentityChange, companyCodeOf, RejectIdentityChange, RequestIdentityChange } from '@crm/customers';
import { CompanyIdentifiers } from '@crm/onboarding';
import { useState } from 'react';
import { useSignedIn } from '../../../auth/session.context';
import { CommandForm } from '../../../components/command-form';
import { formatInstant } from '../../../format/shanghai-time';
import { randomId } from '../../record-kit/random-id';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { personName } from '../customers.messages';
import { DocumentFileActions } from '../document-file';
import { ScanField, uploadScan } from '../documents/scan-field';
import { FoldedForm } from '../documents/folded-form';
import { RECORD_WORDING } from '../records/field-issues';
import { FormOutcome, RecordField } from '../records/record-fields';
import { mayIssue } from '../records/record-roles';
import { type IdentityChangeView, useIdentityT } from './identity.messages';

type People = Record<string, { name: string }> | undefined;
/** The API's body (apps/api customers.bodies IdentityChangeBody): the domain's command with onboarding's check of the code. */
const RequestBody = RequestIdentityChange.extend({ identifiers: CompanyIdentifiers.optional() });
const ApproveBody = ApproveIdentityChange.omit({ requestId: true });
const RejectBody = RejectIdentityChange.omit({ requestId: true });

/** R-ARC-1: the archive keepers request a rename and/or a new credit code, with its reason and evidence; nothing changes until approved. */
export function IdentityChangeForm({ customerId, onRequested }: { customerId: string; onRequested(position: number): void }) {
  const { t } = useIdentityT();
  const { api } = useSignedIn();
  const form = useRecordForm({ name: '', 'identifiers.creditCode': '', reason: '' }, { wording: RECORD_WORDING, draft: `customer/${customerId}/identity-change` });
  const [requestId, setRequestId] = useState(() => randomId('idc'));
  const [file, setFile] = useState<File | null>(null);
  const [round, setRound] = useState(0);

  async function submit() {
    const name = form.values.name.trim();
    const code = form.value('identifiers.creditCode').trim().toUpperCase();
    const body = { requestId, reason: form.values.reason.trim(), ...(name ? { name } : {}), ...(code ? { identifiers: { kind: 'unified' as const, creditCode: code } } : {}) };
    const extra: Record<string, string> = !name && !code ? { name: t('nothing') } : {};
    // R-ONB-1: the code's own check (GB 32100-2015), said as such rather than as a bare "not valid"
    if (code && !CompanyIdentifiers.safeParse({ kind: 'unified', creditCode: code }).success) extra['identifiers.creditCode'] = t('codeInvalid');
    if (!form.check(RequestBody, body, extra)) return;
    const requestPath = `/customers/${encodeURIComponent(customerId)}/identity-changes`;
    const answer = await form.send(async () => api.post<CommandAnswer>(requestPath, file ? { ...body, file: await uploadScan(api, file) } : body), () => t('sent'), { reset: true });
    if (!answer) return;
    setRequestId(randomId('idc'));
    setFile(null);
    setRound((n) => n + 1);
    onRequested(answer.position);
  }

  return (
    <FoldedForm form={form} title={t('request')} intro={t('requestIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="name" label={t('name')} hint={t('nameHint')} />
        <RecordField form={form} name="identifiers.creditCode" label={t('creditCode')} hint={t('codeHint')} />
      </div>
      <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
      <ScanField key={round} label={t('evidence')} file={file} onChange={setFile} />
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('send')}</button></div>
    </FoldedForm>
  );
}

/** The latest identity change: a pending one decided by the sales department (never its requester), or how it was decided. */
export function IdentityChangeReview({ customerId, change, people, onDone }: { customerId: string; change: IdentityChangeView; people: People; onDone(position?: number): void }) {
  const { t } = useIdentityT();
  const { api, session } = useSignedIn();
  const path = `/customers/${encodeURIComponent(customerId)}/identity-changes/${encodeURIComponent(change.requestId)}`;
  const by = personName(people, change.decidedBy ?? '');
  const at = change.decidedAt ? formatInstant(change.decidedAt) : '';
  const decided = change.status === 'approved' ? t('lastApproved', { by, at }) : change.status === 'rejected' ? t('lastRejected', { by, at, comment: change.comment ?? '' }) : null;
  const approver = mayIssue(session.user, 'ApproveIdentityChange');
  const decides = change.status === 'pending' && approver && change.requestedBy !== session.user.id;
  const rows: Array<[string, string, string]> = [];
  if (change.changes.name) rows.push([t('field.name'), change.changes.name.before, change.changes.name.after]);
  if (change.changes.identifiers) rows.push([t('field.creditCode'), companyCodeOf(change.changes.identifiers.before) ?? t('none'), companyCodeOf(change.changes.identifiers.after) ?? t('none')]);
  return (
    <div className="command-form" role="group" aria-label={t('pendingTitle')} data-testid="identity-change" data-identity-state={change.status}>
      <h3 className="command-title">{t('pendingTitle')}</h3>
      <p>{t('requested', { by: personName(people, change.requestedBy), at: formatInstant(change.requestedAt), reason: change.reason })}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t('what')}</caption>
        <thead><tr><th scope="col">{t('what')}</th><th scope="col">{t('before')}</th><th scope="col">{t('after')}</th></tr></thead>
        <tbody>{rows.map(([field, before, after]) => <tr key={field}><th scope="row">{field}</th><td>{before}</td><td><strong>{after}</strong></td></tr>)}</tbody>
      </table>
      {change.file ? <p>{t('evidenceFile')}：{change.file.name} <DocumentFileActions file={change.file} /></p> : null}
      {decided ? <p className="notice" role="note">{decided}</p> : null}
      {change.status === 'pending' && !decides ? <p className="notice notice-warning" role="note">{approver && change.requestedBy === session.user.id ? t('ownRequest') : t('waiting')}</p> : null}
      {decides ? (
        <CommandForm
          title={t('pendingTitle')}
          showTitle={false}
          draft={`customer/${customerId}/identity-change/${change.requestId}`}
          fields={[{ name: 'comment', label: t('comment'), kind: 'textarea', optional: true }]}
          buttons={[
            { label: t('approve'), send: (body) => api.post(`${path}/approve`, body) },
            { label: t('reject'), tone: 'danger', confirm: t('rejectConfirm'), send: (body) => api.post(`${path}/reject`, body) },
          ]}
          schemas={{ [t('approve')]: ApproveBody, [t('reject')]: RejectBody }}
          onDone={(result) => onDone((result as { position?: number }).position)}
        />
      ) : null}
    </div>
  );
}
