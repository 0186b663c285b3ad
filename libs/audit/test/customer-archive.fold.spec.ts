import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES, NO_PREPAYMENT, type CustomerContext } from '@crm/customers';
import { replayStored } from '@crm/engine';
import { InMemoryEventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { CustomerArchiveFold } from '../src';
import { buildCustomer, CUSTOMER_ID, MANAGER, SCHEDULER } from './support/customer-scenario';

const GM: Actor = { id: 'gm-zhou', roles: ['general_manager'] };
const stream = `customer-${CUSTOMER_ID}`;

/** Suspension and reinstatement, corrections and voids, an information change, a rejected and an approved disqualification. */
const LATER: Array<[string, string, Record<string, unknown>, Actor]> = [
  ['2026-03-10T02:00:00.000Z', 'CorrectPickup', { pickupId: 'p-1', tonnes: 1100, reason: '磅单更正' }, MANAGER],
  ['2026-03-11T02:00:00.000Z', 'VoidPickup', { pickupId: 'p-2', reason: '重复录入' }, MANAGER],
  ['2026-03-12T02:00:00.000Z', 'ChangeCustomerInformation', { changes: { region: '华南' }, reason: '搬迁' }, MANAGER],
  ['2026-06-30T16:00:00.000Z', 'ExpireDocument', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER],
  ['2026-07-02T02:00:00.000Z', 'RenewQualificationDocument', { documentId: 'doc-licence', number: '91310000MA1FL0000X', validFrom: '2026-07-01', validUntil: '2031-06-30' }, MANAGER],
  ['2026-07-03T02:00:00.000Z', 'ProposeDisqualification', { reason: 'under_investigation', evidence: ['公安通报'] }, MANAGER],
  ['2026-07-04T02:00:00.000Z', 'RejectDisqualification', { comment: '证据不足' }, GM],
  ['2026-07-05T02:00:00.000Z', 'ProposeDisqualification', { reason: 'fraud_or_bad_faith', evidence: ['伪造单据'] }, MANAGER],
  ['2026-07-06T02:00:00.000Z', 'ApproveDisqualification', { comment: '同意' }, GM],
];

describe('CustomerArchiveFold agrees with the customer machine', () => {
  it('after every event of a long archive history, the fold reports what the machine replay holds', async () => {
    const store = new InMemoryEventStore();
    const { engine } = await buildCustomer(store);
    for (const [now, type, data, actor] of LATER) {
      await engine.execute(customerWorkflow, CUSTOMER_ID, { type, data, meta: { actor, now } }, { ...DEFAULT_CUSTOMER_SERVICES, prepayment: NO_PREPAYMENT });
    }
    const events = await store.readStream(stream);
    const types = new Set(events.map((e) => e.type));
    for (const t of ['QualificationExpired', 'CustomerSuspended', 'CustomerReinstated', 'PickupCorrected', 'PickupVoided', 'DisqualificationRejected', 'CustomerDisqualified']) {
      expect(types).toContain(t);
    }
    const fold = new CustomerArchiveFold();
    events.forEach((event, i) => {
      fold.apply(event);
      const { state } = replayStored(customerWorkflow, stream, events.slice(0, i + 1));
      const ctx = state.context as CustomerContext;
      const live = ctx.pickups.values().filter((p) => !p.voided);
      const view = fold.result();
      expect({
        status: view.status, grade: view.grade, region: view.region, suspendedSince: view.suspendedSince, disqualifiedAt: view.disqualifiedAt,
        pending: view.pendingDisqualification?.proposedAt ?? null, lastEvaluatedMonth: view.lastEvaluatedMonth,
        documents: view.documents.map((d) => [d.documentId, d.validUntil, d.expired]), live: view.pickups.live, kg: view.pickups.tonnes * 1000,
      }).toEqual({
        status: state.state, grade: ctx.grade, region: ctx.region, suspendedSince: ctx.suspendedSince, disqualifiedAt: ctx.disqualifiedAt,
        pending: ctx.pendingDisqualification?.proposedAt ?? null, lastEvaluatedMonth: ctx.lastEvaluatedMonth,
        documents: Object.values(ctx.documents as Record<string, any>).map((d) => [d.documentId, d.validUntil, d.expired]),
        live: live.length, kg: live.reduce((s, p) => s + p.kg, 0),
      });
    });
  });
});
