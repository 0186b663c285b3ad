import { WorkingCalendar } from '@crm/calendar';
import { complaintWorkflow, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES, NO_PREPAYMENT } from '@crm/customers';
import { WorkflowEngine } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import type { Actor, AnyWorkflow } from '@crm/workflow-kit';

export const CUSTOMER_ID = 'cust-app-1';
export const SYSTEM: Actor = { id: 'system:onboarding', roles: [], system: true };
export const SCHEDULER: Actor = { id: 'system:scheduler', roles: [], system: true };
export const MANAGER: Actor = { id: 'mgr-li', roles: ['customer_manager'] };
export const SUPERVISOR: Actor = { id: 'sup-sun', roles: ['supervisor'] };
export const SALES: Actor = { id: 'sales-wang', roles: ['sales_reviewer'] };
/** R-TIER-4 (ADR 0023): the evaluation proposes, the sales department confirms with another indicator */
const confirm = (month: string) => ({ month, indicator: 'payment_record', reason: '回款及时' });
export const calendar = WorkingCalendar.official();

/** What the service said right after a step, as its workflows report it (the test's "read model"). */
export interface Observation {
  at: string;
  step: string;
  grade: string | null;
  status: string;
  documents: number;
  openComplaints: string[];
}

const open = {
  customerId: CUSTOMER_ID, applicationId: 'app-1', name: '浙江甬兴塑业有限公司', identifiers: { unifiedSocialCreditCode: '91310000MA1FL0000X' },
  invoicing: { bank: '工商银行宁波分行' }, contacts: [{ name: '陈经理' }], productLine: 'polyolefin',
  class: { salesObject: 'distributor', salesForm: 'planned' }, customerManagerId: 'mgr-li', region: '华东',
  documents: [{ documentId: 'doc-licence', kind: 'business_licence', number: '91310000MA1FL0000X', validFrom: '2021-06-01', validUntil: '2026-06-30' }],
};

type Step = [at: string, name: string, workflow: AnyWorkflow, id: string, type: string, data: Record<string, unknown>, actor: Actor];

const c = (id: string) => `cmp-${id}`;
const STEPS: Step[] = [
  ['2026-01-15T02:00:00.000Z', 'open', customerWorkflow, CUSTOMER_ID, 'OpenCustomerArchive', open, SYSTEM],
  ['2026-01-20T08:00:00.000Z', 'pickup 1', customerWorkflow, CUSTOMER_ID, 'RecordPickup', { pickupId: 'p-1', date: '2026-01-20', product: 'HDPE 5000S', tonnes: 1200, warehouse: '镇海库' }, MANAGER],
  ['2026-01-31T16:00:00.000Z', 'evaluate Jan', customerWorkflow, CUSTOMER_ID, 'EvaluateMonth', { month: '2026-01' }, SCHEDULER],
  ['2026-02-02T02:00:00.000Z', 'confirm Jan', customerWorkflow, CUSTOMER_ID, 'ConfirmGradeMove', confirm('2026-01'), SALES],
  ['2026-02-10T08:00:00.000Z', 'pickup 2', customerWorkflow, CUSTOMER_ID, 'RecordPickup', { pickupId: 'p-2', date: '2026-02-10', product: 'HDPE 5000S', tonnes: 2500, warehouse: '镇海库' }, MANAGER],
  ['2026-02-11T01:30:00.000Z', 'complaint 1', complaintWorkflow, c('1'), 'RecordComplaint', { complaintId: c('1'), customerId: CUSTOMER_ID, receivedAt: '2026-02-11T01:00:00.000Z', channel: 'phone', content: '颗粒颜色异常' }, MANAGER],
  ['2026-02-11T01:40:00.000Z', 'classify 1', complaintWorkflow, c('1'), 'ClassifyComplaint', { class: 'general' }, MANAGER],
  ['2026-02-11T02:00:00.000Z', 'draft 1', complaintWorkflow, c('1'), 'DraftResolution', { department: '销售部', text: '换货', handler: 'mgr-li' }, MANAGER],
  ['2026-02-11T03:00:00.000Z', 'approve 1', complaintWorkflow, c('1'), 'ApproveResolution', {}, SUPERVISOR],
  ['2026-02-11T05:00:00.000Z', 'notify 1', complaintWorkflow, c('1'), 'NotifyCustomer', { channel: 'phone', message: '已安排换货' }, MANAGER],
  ['2026-02-12T02:00:00.000Z', 'close 1', complaintWorkflow, c('1'), 'CloseComplaint', { notes: '无' }, MANAGER],
  ['2026-02-28T16:00:00.000Z', 'evaluate Feb', customerWorkflow, CUSTOMER_ID, 'EvaluateMonth', { month: '2026-02' }, SCHEDULER],
  ['2026-03-02T01:00:00.000Z', 'confirm Feb', customerWorkflow, CUSTOMER_ID, 'ConfirmGradeMove', confirm('2026-02'), SALES],
  ['2026-03-02T02:00:00.000Z', 'complaint 2', complaintWorkflow, c('2'), 'RecordComplaint', { complaintId: c('2'), customerId: CUSTOMER_ID, receivedAt: '2026-03-02T01:00:00.000Z', channel: 'email', content: '交货延迟' }, MANAGER],
  ['2026-03-02T03:00:00.000Z', 'classify 2', complaintWorkflow, c('2'), 'ClassifyComplaint', { class: 'major' }, MANAGER],
  ['2026-03-09T03:00:00.000Z', 'draft 2', complaintWorkflow, c('2'), 'DraftResolution', { department: '物流部', text: '补偿运费', handler: 'mgr-li' }, MANAGER],
];

/**
 * A customer built through the real engine with time moving between commands: an archive,
 * pickups, two grade changes, a closed complaint and an open one past its deadline. After each
 * step the workflows' own state is recorded, to compare as-of answers with later.
 */
export async function buildCustomer(store: EventStore): Promise<{ observations: Observation[]; engine: WorkflowEngine }> {
  const engine = new WorkflowEngine(store);
  const services = (w: AnyWorkflow) => (w === customerWorkflow ? { ...DEFAULT_CUSTOMER_SERVICES, prepayment: NO_PREPAYMENT } : { calendar, policy: DEFAULT_COMPLAINT_POLICY });
  const observations: Observation[] = [];
  const complaints = new Set<string>();
  for (const [at, step, workflow, id, type, data, actor] of STEPS) {
    await engine.execute(workflow, id, { type, data, meta: { actor, now: at } }, services(workflow));
    if (workflow === complaintWorkflow) complaints.add(id);
    observations.push(await observe(engine, at, step, complaints));
  }
  return { observations, engine };
}

async function observe(engine: WorkflowEngine, at: string, step: string, complaints: Set<string>): Promise<Observation> {
  const archive = await engine.load(customerWorkflow, CUSTOMER_ID);
  const open: string[] = [];
  for (const id of complaints) if (!(await engine.load(complaintWorkflow, id)).state.done) open.push(id);
  const context = archive.state.context as { grade: string | null; documents: Record<string, unknown> };
  return { at, step, grade: context.grade, status: archive.state.state, documents: Object.keys(context.documents).length, openComplaints: open };
}
