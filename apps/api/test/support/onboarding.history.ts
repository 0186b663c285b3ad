import { randomUUID } from 'node:crypto';
import { WorkflowEngine } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { type Delegation, identityKeyOf, onboardingWorkflow } from '@crm/onboarding';
import type { Actor } from '@crm/workflow-kit';
import { CalendarService } from '../../src/calendar/calendar.service';
import { onboardingServices } from '../../src/onboarding/onboarding.services';
import { applicationForm, FINANCE_CHECKED } from './onboarding.forms';

const person = (id: string, ...roles: Actor['roles']): Actor => ({ id, roles });
const manager = person('manager', 'customer_manager');
const sales = person('sales', 'sales_reviewer');
const sales2 = person('sales2', 'sales_reviewer');
const finance = person('finance', 'finance_reviewer');
const gm = person('gm', 'general_manager');
const admin = person('admin', 'administrator');
const onboardingService: Actor = { id: 'system:onboarding', roles: [], system: true };

export const DELEGATION: Delegation = { delegationId: 'dlg-1', delegatorId: 'sales', delegateId: 'sales2', role: 'sales_reviewer', from: '2026-03-01', until: '2026-03-31' };

/**
 * Every kind of onboarding event, written through the real engine: one application approved
 * after a return (with a reassignment and a delegated approval), one rejected, one withdrawn, one
 * voided (never drafted), and the delegation it used, revoked after that approval.
 */
export async function writeOnboardingHistory(store: EventStore): Promise<void> {
  const engine = new WorkflowEngine(store);
  const calendars = new CalendarService(store);
  let minute = 0;
  const run = (id: string, type: string, data: object, actor: Actor, n: number) => {
    const facts = { applicationId: id, identityKeys: [identityKeyOf(applicationForm(n).identifiers as never)], holders: [], delegations: [DELEGATION] };
    const now = new Date(Date.parse('2026-03-02T02:00:00.000Z') + 60_000 * minute++).toISOString();
    return engine.execute(onboardingWorkflow, id, { type, data, meta: { actor, now } }, onboardingServices(calendars, facts));
  };
  await store.appendToStream('delegation-dlg-1', [
    {
      id: randomUUID(),
      type: 'DelegationGranted',
      data: { delegation: DELEGATION, grantedBy: 'sales', at: '2026-03-02T01:00:00.000Z' } as never,
      metadata: { actor: 'sales', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
    },
  ]);
  await run('p-1', 'CreateApplication', { applicationId: 'p-1', form: applicationForm(31) }, manager, 31);
  await run('p-1', 'AmendApplication', { form: applicationForm(31, 'manager', { region: '华南' }) }, manager, 31);
  await run('p-1', 'SubmitApplication', {}, manager, 31);
  await run('p-1', 'ReassignStep', { step: 'sales', to: 'sales', reason: '负责人' }, admin, 31);
  await run('p-1', 'ApproveStep', { step: 'sales', onBehalfOf: 'sales', comment: '代批' }, sales2, 31);
  const revokedAt = '2026-03-02T03:00:00.000Z';
  await store.appendToStream('delegation-dlg-1', [
    {
      id: randomUUID(),
      type: 'DelegationRevoked',
      data: { delegationId: 'dlg-1', revokedBy: 'sales', reason: '已返岗', at: revokedAt },
      metadata: { actor: 'sales', correlationId: randomUUID(), causationId: null, occurredAt: revokedAt, schemaVersion: 1 },
    },
  ], { expectedRevision: 0 });
  await run('p-1', 'ReturnForRevision', { step: 'finance', comment: '补充开票资料' }, finance, 31);
  await run('p-1', 'SubmitApplication', {}, manager, 31);
  await run('p-1', 'ApproveStep', { step: 'sales' }, sales, 31);
  await run('p-1', 'ApproveStep', { step: 'finance', checked: FINANCE_CHECKED }, finance, 31);
  await run('p-1', 'ApproveStep', { step: 'generalManager', comment: '同意' }, gm, 31);
  await run('p-2', 'CreateApplication', { applicationId: 'p-2', form: applicationForm(32) }, manager, 32);
  await run('p-2', 'SubmitApplication', {}, manager, 32);
  await run('p-2', 'RejectStep', { step: 'sales', reason: '资信不足' }, sales, 32);
  await run('p-3', 'CreateApplication', { applicationId: 'p-3', form: applicationForm(33) }, manager, 33);
  await run('p-3', 'WithdrawApplication', {}, manager, 33);
  await run('p-4', 'CreateApplication', { applicationId: 'p-4', form: applicationForm(34) }, manager, 34);
  await run('p-4', 'SubmitApplication', {}, manager, 34);
  await run('p-5', 'VoidApplication', { applicationId: 'p-5', identityKey: identityKeyOf(applicationForm(35).identifiers as never), reservedAt: '2026-03-02T01:00:00.000Z' }, onboardingService, 35);
}
