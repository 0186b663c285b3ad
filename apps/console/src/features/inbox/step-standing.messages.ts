import { localMessages } from '../../i18n/local-messages';

/** Where the viewer stands on an application's pending step (GET /inbox). */
export const useStepStandingT = localMessages({
  'zh-CN': {
    waiting: '本步骤已等待 {n} 个工作日（第 {round} 轮审核）。',
    reminded: '已催办过一次。',
    onBehalf: '您将代 {who} 审批（委托授权）。',
    notYours: '此步骤不在您可审批的范围内：须由其他角色审批，申请由您本人提交或负责，您已审批过本申请的其他步骤，或已指定他人办理。',
    unknownPerson: '（未知人员）',
  },
  en: {
    waiting: 'This step has waited {n} working days (review round {round}).',
    reminded: 'A reminder was sent.',
    onBehalf: 'You decide on behalf of {who} (delegation).',
    notYours: 'This step is not yours to decide: it is another role’s, the application is your own or your customer’s, you decided another of its steps, or it is assigned to someone else.',
    unknownPerson: '(unknown person)',
  },
});
