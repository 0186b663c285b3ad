import { commandOf, SCHEDULER_ACTOR, type Actor, type AnyDomainEvent } from '@crm/workflow-kit';
import { customerWorkflow, type CustomerCommand, type CustomerCommandType, type CustomerServices, NO_PREPAYMENT, type OpenCustomerArchive } from '../src';
import { decideOnWorkflow, replayEvents, toWorkflowState } from '@crm/workflow-kit';

export const SYSTEM: Actor = { id: 'system:onboarding', roles: [], system: true };
export const SCHEDULER = SCHEDULER_ACTOR;
export const MANAGER: Actor = { id: 'mgr-li', roles: ['customer_manager'] };
export const SALES: Actor = { id: 'sales-wang', roles: ['sales_reviewer'] };
export const GM: Actor = { id: 'gm-zhao', roles: ['general_manager'] };
export const FINANCE: Actor = { id: 'fin-zhang', roles: ['finance_reviewer'] };
export const AUDITOR: Actor = { id: 'aud-qian', roles: ['auditor'] };

/** 2026-01-15 10:00 in Shanghai. */
export const OPENED_AT = '2026-01-15T02:00:00.000Z';
export const SERVICES: CustomerServices = { documentWarningDays: 30, prepayment: NO_PREPAYMENT };

export const licence = { documentId: 'doc-licence', kind: 'business_licence', number: '91310000MA1FL0000X', validFrom: '2021-06-01', validUntil: '2026-06-30' };

export function openData(overrides: Partial<OpenCustomerArchive> = {}): OpenCustomerArchive {
  return {
    customerId: 'c-1',
    applicationId: 'app-1',
    name: '浙江甬兴塑业有限公司',
    identifiers: { unifiedSocialCreditCode: '91310000MA1FL0000X' },
    invoicing: { bank: '工商银行宁波分行', accountNumber: '3901-1100-0000-1234', address: '宁波市北仑区', telephone: '0574-8888-0000' },
    contacts: [{ name: '陈经理', phone: '13800000000' }],
    productLine: 'polyolefin',
    class: { salesObject: 'distributor', salesForm: 'online_auction' },
    customerManagerId: 'mgr-li',
    region: '华东',
    documents: [licence],
    ...overrides,
  };
}

export function cmd<K extends CustomerCommandType>(type: K, data: Extract<CustomerCommand, { type: K }>['data'], actor: Actor, now: string): CustomerCommand {
  return commandOf<CustomerCommand>(type, data, actor, now);
}

/** Runs commands one after another through the real engine core, collecting the stream. */
export function history(commands: CustomerCommand[], services = SERVICES): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const command of commands) {
    const snapshot = replayEvents(customerWorkflow, events);
    events.push(...decideOnWorkflow(customerWorkflow, snapshot, events.length ? events.length - 1 : null, command, services).events);
  }
  return events;
}

export const openCommand = (overrides: Partial<OpenCustomerArchive> = {}) => cmd('OpenCustomerArchive', openData(overrides), SYSTEM, OPENED_AT);
export const opened = (overrides: Partial<OpenCustomerArchive> = {}) => history([openCommand(overrides)]);

/** A planned polyolefin distributor (ordinary), opened 2026-01-15. */
export const plannedOpened = () => opened({ class: { salesObject: 'distributor', salesForm: 'planned' } });

export const pickup = (pickupId: string, date: string, tonnes: number, now = `${date}T08:00:00.000Z`) =>
  cmd('RecordPickup', { pickupId, date, product: 'HDPE 5000S', tonnes, warehouse: '镇海库' }, MANAGER, now);

export const evaluate = (month: string, now: string) => cmd('EvaluateMonth', { month }, SCHEDULER, now);
/** R-TIER-4 (ADR 0023): the sales department confirms / holds the month's proposed move. */
export const confirmMove = (month: string, now: string, indicator = 'payment_record', reason = '回款记录良好') => cmd('ConfirmGradeMove', { month, indicator, reason }, SALES, now);
export const holdMove = (month: string, now: string, indicator = 'complaints', reason = '本月有两起质量投诉') => cmd('HoldGradeMove', { month, indicator, reason }, SALES, now);
/** Evaluates `month` and confirms its proposal (if any) a minute later. */
export const evaluated = (month: string, now: string) => [evaluate(month, now), confirmMove(month, new Date(Date.parse(now) + 60_000).toISOString())];

export function stateOf(events: AnyDomainEvent[]) {
  const snapshot = replayEvents(customerWorkflow, events);
  return { value: snapshot.value, context: snapshot.context as import('../src').CustomerContext, status: snapshot.status };
}

export function customerDeadlinesOf(events: AnyDomainEvent[]) {
  return customerWorkflow.deadlines?.(toWorkflowState(replayEvents(customerWorkflow, events), events.length - 1)) ?? [];
}
