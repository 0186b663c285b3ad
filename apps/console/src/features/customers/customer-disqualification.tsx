import { ApproveDisqualification, DisqualificationReason, ProposeDisqualification, RejectDisqualification } from '@crm/customers';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { CommandForm } from '../../components/command-form';
import { formatInstant } from '../../format/shanghai-time';
import { localMessages } from '../../i18n/local-messages';
import { personName } from './customers.messages';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from './records/record-fields';
import { mayIssue } from './records/record-roles';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { RECORD_WORDING } from './records/field-issues';

export interface PendingDisqualification {
  reason: string;
  evidence: string[];
  proposedBy: string;
  proposedAt: string;
}

const useT = localMessages({
  'zh-CN': {
    title: '取消客户资格审批（R-EVAL-3）',
    proposed: '{by} 于 {at} 提议取消该客户资格，理由：{reason}；证据：{evidence}',
    comment: '意见',
    approve: '同意取消资格',
    approveConfirm: '取消资格为最终决定，此后该客户的一切业务都将被拒绝，且不能撤回。确定取消该客户的资格吗？',
    reject: '不同意',
    'reason.false_information': '提供虚假信息',
    'reason.fraud_or_bad_faith': '欺诈或严重失信',
    'reason.economic_loss_or_reputation': '造成经济损失或严重损害公司声誉',
    'reason.under_investigation': '因违法被司法或行政机关调查',
    propose: '提议取消客户资格（R-EVAL-3）',
    proposeIntro: '提议连同理由和证据提交总经理审批；总经理同意后取消资格为最终决定，此后该客户的一切业务均被拒绝。',
    reason: '理由',
    evidence: '证据（每行一条）',
    send: '提交提议',
    confirm: '确认向总经理提议取消“{name}”的客户资格？',
    confirmButton: '确认提议',
    proposedNote: '已提交，等待总经理审批。',
  },
  en: {
    title: 'Disqualification (R-EVAL-3)',
    proposed: '{by} proposed disqualifying this customer on {at}, reason: {reason}; evidence: {evidence}',
    comment: 'Comment',
    approve: 'Disqualify',
    approveConfirm: 'Disqualification is final: every later business command for the customer is refused, and it cannot be undone. Disqualify this customer?',
    reject: 'Reject the proposal',
    'reason.false_information': 'false information',
    'reason.fraud_or_bad_faith': 'fraud or serious bad faith',
    'reason.economic_loss_or_reputation': 'economic loss or serious damage to reputation',
    'reason.under_investigation': 'investigated for violating laws',
    propose: 'Propose disqualification (R-EVAL-3)',
    proposeIntro: 'The proposal goes with its reason and evidence to the general manager; once approved the disqualification is final and every later business command for the customer is refused.',
    reason: 'Reason',
    evidence: 'Evidence (one item per line)',
    send: 'Send the proposal',
    confirm: 'Propose to the general manager that “{name}” be disqualified?',
    confirmButton: 'Propose it',
    proposedNote: 'Sent; it waits for the general manager.',
  },
});

/** The general manager's decision on a proposed disqualification: the task 取消客户资格待总经理审批 opens here. */
export function CustomerDisqualification({ customerId, pending, people, onDone }: { customerId: string; pending: PendingDisqualification; people?: Record<string, { name: string }>; onDone(result: { position?: number }): void }) {
  const { t } = useT();
  const { api, session } = useSignedIn();
  const path = `/customers/${encodeURIComponent(customerId)}/disqualification`;
  const proposal = t('proposed', { by: personName(people, pending.proposedBy), at: formatInstant(pending.proposedAt), reason: t(`reason.${pending.reason}` as 'reason.false_information'), evidence: pending.evidence.join('；') });
  if (!hasAnyRole(session.user, ['general_manager'])) return <p className="notice notice-warning" role="note" data-testid="pending-disqualification">{proposal}</p>;
  return (
    <section className="card" aria-label={t('title')} data-testid="pending-disqualification">
      <CommandForm
        title={t('title')}
        intro={proposal}
        fields={[{ name: 'comment', label: t('comment'), kind: 'textarea', optional: true }]}
        buttons={[
          { label: t('approve'), tone: 'danger', confirm: t('approveConfirm'), send: (body) => api.post(`${path}/approve`, body) },
          { label: t('reject'), tone: 'secondary', send: (body) => api.post(`${path}/reject`, body) },
        ]}
        schemas={{ [t('approve')]: ApproveDisqualification, [t('reject')]: RejectDisqualification }}
        onDone={(result) => onDone(result as { position?: number })}
      />
    </section>
  );
}

/** R-EVAL-3: the customer manager, the sales department or a supervisor proposes; the general manager decides (above). */
export function ProposeDisqualificationForm({ customerId, name, onDone }: { customerId: string; name: string; onDone(position: number): void }) {
  const { t } = useT();
  const { api, session } = useSignedIn();
  const form = useRecordForm({ reason: DisqualificationReason.options[0], evidence: '' }, { wording: RECORD_WORDING, draft: `customer/${customerId}/disqualification-proposal` });
  const [pending, setPending] = useState<unknown>(null);
  if (!mayIssue(session.user, 'ProposeDisqualification')) return null;

  function review() {
    const body = { reason: form.values.reason, evidence: form.values.evidence.split('\n').map((line) => line.trim()).filter(Boolean) };
    if (form.check(ProposeDisqualification, body)) setPending(body);
  }
  async function confirm() {
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customerId)}/disqualification`, pending), () => t('proposedNote'));
    setPending(null);
    if (answer) onDone(answer.position);
  }

  const options = DisqualificationReason.options.map((r) => ({ value: r, label: t(`reason.${r}`) }));
  return (
    <section className="card" aria-label={t('propose')} data-testid="propose-disqualification">
      <RecordFormFrame title={t('propose')} intro={t('proposeIntro')} onSubmit={review}>
        <RecordField form={form} name="reason" label={t('reason')} kind="select" options={options} />
        <RecordField form={form} name="evidence" label={t('evidence')} kind="textarea" />
        <FormOutcome form={form} />
        {pending
          ? <ConfirmStep question={t('confirm', { name })} confirmLabel={t('confirmButton')} busy={form.busy} onConfirm={() => void confirm()} onCancel={() => setPending(null)} />
          : <div className="toolbar"><button type="submit" className="button button-danger">{t('send')}</button></div>}
      </RecordFormFrame>
    </section>
  );
}
