import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '@crm/calendar';
import { complaintWorkflow, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import { WorkflowEngine } from '@crm/engine';
import type { EventStore, NewEvent } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';

export const BENCH_CUSTOMER = 'bench-1';
const START = Date.parse('2022-01-03T01:00:00.000Z');
const HOUR = 3_600_000;
const MANAGER: Actor = { id: 'mgr-li', roles: ['customer_manager'] };
const SUPERVISOR: Actor = { id: 'sup-sun', roles: ['supervisor'] };

const meta = (at: number, actor = 'mgr-li') => ({ actor, correlationId: randomUUID(), causationId: null, occurredAt: new Date(at).toISOString(), schemaVersion: 1 });
const ev = (type: string, data: Record<string, unknown>, at: number, actor?: string): NewEvent => ({ id: randomUUID(), type, data: data as never, metadata: meta(at, actor) });

function opened(customerId: string, at: number): NewEvent {
  return ev('CustomerArchiveOpened', {
    customerId, applicationId: `app-${customerId}`, name: '宁波甬兴塑业有限公司', identifiers: {}, invoicing: {}, contacts: [], productLine: 'polyolefin',
    class: { salesObject: 'distributor', salesForm: 'planned' }, grade: 'ordinary', customerManagerId: 'mgr-li', region: '华东',
    documents: [{ documentId: 'doc-1', kind: 'business_licence', number: 'BL-1', validFrom: '2021-01-01', validUntil: '2031-12-31', warnAt: '2031-12-01T00:00:00.000Z' }],
    admission: null, openedBy: 'system:onboarding', openedAt: new Date(at).toISOString(), notify: [],
  }, at, 'system:onboarding');
}

/** Pickups (one an hour), with a monthly grade change every ~700 events: what a busy archive looks like. */
function archiveEvents(customerId: string, count: number): NewEvent[] {
  const events = [opened(customerId, START)];
  const grades = ['ordinary', 'one_star', 'two_star'];
  for (let i = 1; i < count; i++) {
    const at = START + i * HOUR;
    const date = new Date(at).toISOString().slice(0, 10);
    if (i % 700 === 0) {
      const [previousGrade, newGrade] = [grades[(i / 700 - 1) % 3], grades[(i / 700) % 3]];
      events.push(ev('CustomerGradeChanged', { month: date.slice(0, 7), tonnage: 1200, band: newGrade, previousGrade, newGrade, cause: 'monthly_evaluation', ruleId: 'R-TIER-4', changedAt: new Date(at).toISOString() }, at, 'system:scheduler'));
    } else {
      events.push(ev('PickupRecorded', { pickupId: `${customerId}-p-${i}`, date, product: 'HDPE 5000S', tonnes: 12.5, warehouse: '镇海库', recordedBy: 'mgr-li', recordedAt: new Date(at).toISOString() }, at));
    }
  }
  return events;
}

/** Complaints through the real complaint workflow, spread over the same years. */
async function complaints(store: EventStore, customerId: string, count: number, span: number): Promise<void> {
  const engine = new WorkflowEngine(store);
  const services = { calendar: WorkingCalendar.official(), policy: DEFAULT_COMPLAINT_POLICY };
  for (let k = 0; k < count; k++) {
    const id = `${customerId}-k-${k}`;
    let at = START + Math.floor(((k + 0.5) * span) / count);
    const run = async (type: string, data: Record<string, unknown>, actor = MANAGER) => {
      at += HOUR;
      await engine.execute(complaintWorkflow, id, { type, data, meta: { actor, now: new Date(at).toISOString() } }, services);
    };
    await run('RecordComplaint', { complaintId: id, customerId, receivedAt: new Date(at).toISOString(), channel: 'phone', content: '颗粒颜色异常' });
    await run('ClassifyComplaint', { class: 'major' });
    if (k === count - 1) return; // the last one stays open
    await run('DraftResolution', { department: '销售部', text: '换货', handler: 'mgr-li' });
    await run('ApproveResolution', {}, SUPERVISOR);
    await run('NotifyCustomer', { channel: 'phone', message: '已安排' });
    await run('CloseComplaint', { notes: '无' });
  }
}

/**
 * The customer's archive stream (`events` events) interleaved, batch by batch, with as many
 * events of other customers, so its rows are spread over the table like in a real store.
 */
export async function seedCustomer(store: EventStore, events: number, complaintCount: number): Promise<{ from: number; to: number }> {
  const mine = archiveEvents(BENCH_CUSTOMER, events);
  const others = archiveEvents('noise-1', events);
  for (let i = 0; i < mine.length; i += 100) {
    await store.appendToStream(`customer-${BENCH_CUSTOMER}`, mine.slice(i, i + 100));
    await store.appendToStream('customer-noise-1', others.slice(i, i + 100));
  }
  await complaints(store, BENCH_CUSTOMER, complaintCount, events * HOUR);
  return { from: START, to: START + events * HOUR };
}
