import { CommandBus } from '@nestjs/cqrs';
import { customerWorkflow, type OpenCustomerArchive } from '@crm/customers';
import { type CommandResult, type DueTimer, fireTimer, type TimerFiring, type WorkflowEngine, type WorkflowRegistry } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { ExecuteWorkflowCommand } from '../../src/workflows/execute-workflow.command';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../../src/workflows/workflow.tokens';
import type { TestApi } from '../support/test-api';

/** Onboarding's last approval opens the archive as the system (R-ONB-4); the tests stand in for it. */
export const ONBOARDING: Actor = { id: 'system:onboarding', roles: [], system: true };

export function archive(customerId: string, overrides: Partial<OpenCustomerArchive> = {}): OpenCustomerArchive {
  return {
    customerId,
    applicationId: `app-${customerId}`,
    name: `宁波甬兴塑业 ${customerId}`,
    identifiers: { unifiedSocialCreditCode: '91330200MA2AXXXX0X' },
    invoicing: { bank: '工商银行宁波分行', accountNumber: '3901-1100-0000-1234', address: '宁波市北仑区', telephone: '0574-8888-0000' },
    contacts: [{ name: '陈经理', phone: '13800000000' }],
    productLine: 'polyolefin',
    class: { salesObject: 'distributor', salesForm: 'planned' },
    customerManagerId: 'manager',
    region: '华东',
    documents: [{ documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2030-12-31' }],
    ...overrides,
  };
}

export async function openCustomer(api: TestApi, data: OpenCustomerArchive): Promise<CommandResult> {
  const command = { type: 'OpenCustomerArchive', data, meta: { actor: ONBOARDING, now: api.clock.now().toISOString() } };
  return api.app.get(CommandBus).execute(new ExecuteWorkflowCommand(customerWorkflow.name, data.customerId, command));
}

/**
 * Fires the customer's due timers through the engine's own firing path (what TimerScheduler
 * does per claimed timer), reading them from the stream so the test does not depend on when the
 * timers read model catches up.
 */
export async function fireDueTimers(api: TestApi, customerId: string): Promise<TimerFiring[]> {
  const engine = api.app.get<WorkflowEngine>(WORKFLOW_ENGINE);
  const registry = api.app.get<WorkflowRegistry>(WORKFLOW_REGISTRY);
  const events = await api.store.readStream(`customer-${customerId}`);
  const done = new Set(events.filter((e) => e.type === 'TimerFired' || e.type === 'TimerCancelled').map((e) => String(e.data.timerId)));
  const now = api.clock.now();
  const due = events
    .filter((e) => e.type === 'TimerScheduled' && !done.has(String(e.data.timerId)) && Date.parse(String(e.data.dueAt)) <= now.getTime())
    .map((e) => e.data as unknown as DueTimer & { workflow: string });
  const firings: TimerFiring[] = [];
  for (const timer of due.sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
    firings.push(await fireTimer(engine, registry, timer, now, 1000));
  }
  return firings;
}
