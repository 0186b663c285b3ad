import { CommandBus } from '@nestjs/cqrs';
import { customerWorkflow, type OpenCustomerArchive } from '@crm/customers';
import type { CommandResult } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { ExecuteWorkflowCommand } from '../../src/workflows/execute-workflow.command';
import type { TestApi } from '../support/test-api';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';

/** the reactor filing each archive opening and change with the parent (R-ARC-3, ADR 0024) */
export const ARCHIVE_FILING_REACTOR = 'archive-filing-files-changes';

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

/** Opens the archive and waits for its filing with the parent (R-ARC-3), so a test's "nothing written" is not the reactor's write. */
export async function openCustomer(api: TestApi, data: OpenCustomerArchive): Promise<CommandResult> {
  const command = { type: 'OpenCustomerArchive', data, meta: { actor: ONBOARDING, now: api.clock.now().toISOString() } };
  const result: CommandResult = await api.app.get(CommandBus).execute(new ExecuteWorkflowCommand(customerWorkflow.name, data.customerId, command));
  await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(ARCHIVE_FILING_REACTOR, result.position, 10_000);
  return result;
}

export { fireDueTimers } from '../support/fire-due-timers';
