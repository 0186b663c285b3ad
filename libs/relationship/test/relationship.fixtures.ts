import { commandOf, decideOnWorkflow, replayEvents, type Actor, type AnyCommand, type AnyDomainEvent, type AnyWorkflow } from '@crm/workflow-kit';
import type { PlanItemView, VisitReportServices } from '../src';

export const MANAGER: Actor = { id: 'manager', name: '王经理', roles: ['customer_manager'] };
export const MANAGER_2: Actor = { id: 'manager2', roles: ['customer_manager'] };
export const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
export const SUPERVISOR: Actor = { id: 'supervisor', roles: ['supervisor'] };
export const GM: Actor = { id: 'gm', roles: ['general_manager'] };
export const FINANCE: Actor = { id: 'finance', roles: ['finance_reviewer'] };

/** 10:00 on 2 March 2026 in Beijing. */
export const NOW = '2026-03-02T02:00:00.000Z';
export const later = (hours: number) => new Date(Date.parse(NOW) + hours * 3_600_000).toISOString();

export const cmd = <C extends AnyCommand>(type: C['type'], data: C['data'], actor: Actor, now = NOW) => commandOf<C>(type, data, actor, now);

/** Runs commands through the real decider and machine and returns every event produced. */
export function run(workflow: AnyWorkflow, commands: AnyCommand[], services?: unknown, start: AnyDomainEvent[] = []): AnyDomainEvent[] {
  const events = [...start];
  for (const command of commands) {
    events.push(...decideOnWorkflow(workflow, replayEvents(workflow, events), events.length === 0 ? null : events.length - 1, command, services).events);
  }
  return events;
}

export const planItem = (over: Partial<PlanItemView> = {}): PlanItemView => ({
  planId: 'manager.2026', itemId: 'i-1', year: 2026, month: 3, customerId: 'cust-1', managerId: 'manager', approved: true, ...over,
});

/** Services that know exactly the given plan items. */
export const withPlanItems = (...items: PlanItemView[]): VisitReportServices => ({
  planItem: (planId, itemId) => items.find((i) => i.planId === planId && i.itemId === itemId) ?? null,
});

/** The header and foot of 走访客户报告单 as a customer fills them in (R-VISIT-2). */
export const visitForm = (signedOn = '2026-03-01') => ({
  customerName: '宁波塑料厂', address: '宁波市镇海区化工路 1 号', legalRepresentative: '张三',
  contacts: [{ role: 'principal' as const, name: '张三', title: '厂长', mobile: '13800000000' }, { role: 'business' as const, name: '李四', title: '采购', phone: '0574-88888888' }],
  signature: { sealed: true, signedBy: '张三', signedOn },
});
