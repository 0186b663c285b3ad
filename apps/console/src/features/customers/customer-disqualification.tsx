import { ApproveDisqualification, RejectDisqualification } from '@crm/customers';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { CommandForm } from '../../components/command-form';
import { formatInstant } from '../../format/shanghai-time';
import { localMessages } from '../../i18n/local-messages';

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
    reject: '不同意',
    'reason.false_information': '提供虚假信息',
    'reason.fraud_or_bad_faith': '欺诈或严重失信',
    'reason.economic_loss_or_reputation': '造成经济损失或严重损害公司声誉',
    'reason.under_investigation': '因违法被司法或行政机关调查',
  },
  en: {
    title: 'Disqualification (R-EVAL-3)',
    proposed: '{by} proposed disqualifying this customer on {at}, reason: {reason}; evidence: {evidence}',
    comment: 'Comment',
    approve: 'Disqualify',
    reject: 'Reject the proposal',
    'reason.false_information': 'false information',
    'reason.fraud_or_bad_faith': 'fraud or serious bad faith',
    'reason.economic_loss_or_reputation': 'economic loss or serious damage to reputation',
    'reason.under_investigation': 'investigated for violating laws',
  },
});

/** The general manager's decision on a proposed disqualification: the task 取消客户资格待总经理审批 opens here. */
export function CustomerDisqualification({ customerId, pending, people, onDone }: { customerId: string; pending: PendingDisqualification; people?: Record<string, { name: string }>; onDone(result: { position?: number }): void }) {
  const { t } = useT();
  const { api, session } = useSignedIn();
  const path = `/customers/${encodeURIComponent(customerId)}/disqualification`;
  const proposal = t('proposed', { by: people?.[pending.proposedBy]?.name ?? pending.proposedBy, at: formatInstant(pending.proposedAt), reason: t(`reason.${pending.reason}` as 'reason.false_information'), evidence: pending.evidence.join('；') });
  if (!hasAnyRole(session.user, ['general_manager'])) return <p className="notice notice-warning" role="note" data-testid="pending-disqualification">{proposal}</p>;
  return (
    <section className="card" aria-label={t('title')} data-testid="pending-disqualification">
      <CommandForm
        title={t('title')}
        intro={proposal}
        fields={[{ name: 'comment', label: t('comment'), kind: 'textarea', optional: true }]}
        buttons={[
          { label: t('approve'), tone: 'danger', send: (body) => api.post(`${path}/approve`, body) },
          { label: t('reject'), tone: 'secondary', send: (body) => api.post(`${path}/reject`, body) },
        ]}
        schemas={{ [t('approve')]: ApproveDisqualification, [t('reject')]: RejectDisqualification }}
        onDone={(result) => onDone(result as { position?: number })}
      />
    </section>
  );
}
