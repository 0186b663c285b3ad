import { useState } from 'react';
import { AssessCustomerManager } from '@crm/development';
import { useSignedIn } from '../../auth/session.context';
import { localMessages } from '../../i18n/local-messages';
import { numberOf } from '../customers/records/record-roles';
import { CommandCard } from '../record-kit/command-card';
import { mayDecide, useMyTasks } from '../record-kit/my-tasks';
import { personLabel, useNames } from '../record-kit/names';
import type { CommandAnswer } from '../record-kit/use-record-form';

const useAssessmentT = localMessages({
  'zh-CN': {
    title: '季末考核兑现（R-DEV-2）',
    intro: '按计划记录的完成情况逐一考核承担目标的客户经理；不能考核自己。',
    manager: '客户经理',
    result: '考核结果',
    'result.exceeded': '超额完成',
    'result.met': '完成',
    'result.partly_met': '部分完成',
    'result.not_met': '未完成',
    comment: '考核意见',
    payout: '兑现金额（元，可选）',
    assess: '登记考核',
    assessed: '已登记考核结果。',
  },
  en: {
    title: 'Quarter-end assessment (R-DEV-2)',
    intro: 'Assess each customer manager carrying a target on the completion on record; nobody assesses themselves.',
    manager: 'Customer manager',
    result: 'Result',
    'result.exceeded': 'Exceeded',
    'result.met': 'Met',
    'result.partly_met': 'Partly met',
    'result.not_met': 'Not met',
    comment: 'Comment',
    payout: 'Payout (yuan, optional)',
    assess: 'Record the assessment',
    assessed: 'Assessment recorded.',
  },
});
const RESULTS = ['exceeded', 'met', 'partly_met', 'not_met'] as const;

/** R-DEV-2 考核兑现: at quarter end, while the assessment step is the viewer's, one manager at a time. */
export function AssessmentForm({ planId, managers, onAssessed }: { planId: string; managers: string[]; onAssessed(position: number): void }) {
  const { t, lang } = useAssessmentT();
  const { api } = useSignedIn();
  const [position, setPosition] = useState<number | undefined>();
  const { tasks } = useMyTasks(['development-plan.assessment'], position);
  const names = useNames(managers);
  if (!mayDecide(tasks, planId, 'AssessCustomerManager') || managers.length === 0) return null;
  return (
    <section className="card" data-testid="plan-assessment">
      {position !== undefined ? <p role="status" className="notice notice-success">{t('assessed')}</p> : null}
      <CommandCard key={managers.join(',')} title={t('title')} intro={t('intro')} initial={{ customerManagerId: managers[0], result: 'met' }}
        fields={[
          { name: 'customerManagerId', label: t('manager'), kind: 'select', options: managers.map((m) => ({ value: m, label: personLabel(names, m, lang) })) },
          { name: 'result', label: t('result'), kind: 'select', options: RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) })), narrow: true },
          { name: 'comment', label: t('comment'), kind: 'textarea' },
          { name: 'payoutYuan', label: t('payout'), kind: 'number', narrow: true },
        ]}
        body={(v) => ({ customerManagerId: v('customerManagerId'), result: v('result'), comment: v('comment'), payoutYuan: numberOf(v('payoutYuan')) ?? null })}
        schema={AssessCustomerManager.strict()} call={(body) => api.post<CommandAnswer>(`/development-plans/${encodeURIComponent(planId)}/assessments`, body)} submitLabel={t('assess')} success={null} onDone={(at) => { setPosition(at); onAssessed(at); }} />
    </section>
  );
}
