import { commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR, toWorkflowState, type Actor, type AnyDomainEvent } from '@crm/workflow-kit';
import { organisationCodeInCreditCode } from '@crm/onboarding';
import { type ConversionFacts, developmentPlanWorkflow, prospectWorkflow, type PlanCommand, type PlanContext, type ProspectCommand, type ProspectServices } from '../src';

export const MANAGER: Actor = { id: 'cm-wang', name: '王经理', roles: ['customer_manager'] };
export const MANAGER_2: Actor = { id: 'cm-zhao', roles: ['customer_manager'] };
export const SALES: Actor = { id: 'sales-li', name: '李销售', roles: ['sales_reviewer'] };
export const SALES_2: Actor = { id: 'sales-chen', roles: ['sales_reviewer'] };
export const HEAD: Actor = { id: 'sup-sun', name: '孙主管', roles: ['supervisor'] };
export const GM: Actor = { id: 'gm-zhou', name: '周总', roles: ['general_manager'] };
export const FINANCE: Actor = { id: 'fin-zhang', roles: ['finance_reviewer'] };
export const SCHEDULER: Actor = SCHEDULER_ACTOR;

/** Monday 5 October 2026, 09:00 in Beijing. */
export const START = '2026-10-05T01:00:00.000Z';
export const at = (hours: number) => new Date(Date.parse(START) + hours * 3_600_000).toISOString();
export const DEADLINE = '2026-12-31T15:59:59.000Z';

export const pcmd = <T extends ProspectCommand['type']>(type: T, data: Extract<ProspectCommand, { type: T }>['data'], actor: Actor, now: string) =>
  commandOf<ProspectCommand>(type, data as never, actor, now);
export const cmd = <T extends PlanCommand['type']>(type: T, data: Extract<PlanCommand, { type: T }>['data'], actor: Actor, now: string) =>
  commandOf<PlanCommand>(type, data as never, actor, now);

export const PROSPECT_CREDIT_CODE = '91350100M000100Y43';
/** The organisation code in the prospect's credit code: its company's ONB-DUPLICATE identity key. */
export const PROSPECT_COMPANY = organisationCodeInCreditCode(PROSPECT_CREDIT_CODE);

/** The conversion facts as the API would read them: by default an open application for the prospect's company, holding its key. */
export const conversionServices = (facts: Partial<Omit<ConversionFacts, 'applicationId'>> = {}): ProspectServices => ({
  conversionFacts: (applicationId) => ({ applicationId, applicationState: 'draft', identityKey: PROSPECT_COMPANY, reservedBy: applicationId, customers: [], ...facts }),
});

export const registerCommand = (actor: Actor = MANAGER, now = at(0)) =>
  pcmd('RegisterProspect', {
    prospectId: 'p-1', companyName: '华东塑化有限公司', identifiers: { creditCode: PROSPECT_CREDIT_CODE }, region: '华东',
    productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 1200, source: 'market_survey',
  }, actor, now);

export const planContent = (deadline = DEADLINE) => ({
  quarter: '2026-Q4', deadline, budgetYuan: 50_000,
  targets: [
    // R-DEV-2 分解至客户经理: t-1 to 王经理, t-2 to 赵经理
    { targetId: 't-1', prospectId: 'p-1', goal: '签订年度合同', targetTonnes: 1000, customerManagerId: 'cm-wang' },
    { targetId: 't-2', prospectId: 'p-2', goal: '试用订单', targetTonnes: null, customerManagerId: 'cm-zhao' },
  ],
  supportRequested: [{ department: '财务资产部', request: '授信评估' }],
});
export const draftCommand = (actor: Actor = SALES, now = at(1)) => cmd('DraftDevelopmentPlan', { planId: 'plan-1', ...planContent() }, actor, now);

/** Events produced by the real decider, step by step (each command sees the previous events). */
export function history(workflow: typeof prospectWorkflow | typeof developmentPlanWorkflow, commands: Array<ProspectCommand | PlanCommand>, services: unknown = workflow === prospectWorkflow ? conversionServices() : undefined): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const command of commands) {
    const state = replayEvents(workflow, events);
    events.push(...decideOnWorkflow(workflow, state, events.length - 1 < 0 ? null : events.length - 1, command, services).events);
  }
  return events;
}

export const approvedPlan = () =>
  history(developmentPlanWorkflow, [
    draftCommand(),
    cmd('SubmitDevelopmentPlan', {}, SALES, at(2)),
    cmd('ApproveAsDepartmentHead', {}, HEAD, at(3)),
    cmd('RecordManagersMeetingApproval', { minutes: '经理办公会同意', heldAt: at(4) }, GM, at(5)),
  ]);

export { SCHEDULER_ACTOR };

/** The plan as the decider sees it after `events`. */
export const planState = (events: AnyDomainEvent[]) => toWorkflowState<PlanContext>(replayEvents(developmentPlanWorkflow, events), events.length - 1);
