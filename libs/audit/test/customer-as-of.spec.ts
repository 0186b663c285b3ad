import { InMemoryEventStore, type StoredEvent } from '@crm/event-store';
import { customerAsOf, type CustomerAsOf } from '../src';
import { buildCustomer, calendar, CUSTOMER_ID, type Observation } from './support/customer-scenario';
import { must } from './support/must';

let events: StoredEvent[];
let observations: Observation[];

beforeAll(async () => {
  const store = new InMemoryEventStore();
  observations = (await buildCustomer(store)).observations;
  events = await store.readAll();
});

const asOf = (at: string): CustomerAsOf => customerAsOf(CUSTOMER_ID, events, at, { calendar });
const facts = (a: CustomerAsOf) => ({
  grade: a.archive.grade,
  status: a.archive.status,
  documents: a.archive.documents.length,
  openComplaints: a.complaints.open.map((c) => c.complaintId),
});
const minus1ms = (at: string) => new Date(Date.parse(at) - 1).toISOString();

describe('customerAsOf: the customer at an instant, from the events that had occurred by then', () => {
  it('at every recorded instant, equals what the workflows said right after that step', () => {
    for (const observation of observations) {
      const { at, step: _step, ...expected } = observation;
      expect({ step: observation.step, ...facts(asOf(at)) }).toEqual({ step: observation.step, ...expected });
    }
  });

  it('a millisecond before each step, equals what they said after the step before', () => {
    for (let i = 1; i < observations.length; i++) {
      const { at: _at, step: _step, ...previous } = observations[i - 1];
      expect(facts(asOf(minus1ms(observations[i].at)))).toEqual(previous);
    }
  });

  it('before the archive was opened, the customer does not exist yet', () => {
    const before = asOf('2026-01-01T00:00:00.000Z');
    expect(before.archive.status).toBe('none');
    expect(before.basis.events).toBe(0);
  });

  it('counts only the events it used, and ignores everything after the instant', () => {
    const at = '2026-02-11T03:00:00.000Z';
    const used = events.filter((e) => Date.parse(e.metadata.occurredAt) <= Date.parse(at));
    expect(asOf(at).basis).toEqual({ events: used.length, streams: 2, lastPosition: must(used.at(-1)).position });
    expect(asOf(at).archive.pickups).toEqual({ live: 2, tonnes: 3700 });
  });

  it('R-CMP-3: an open complaint shows its SLA clock running with working time left before its deadline', () => {
    const complaint = asOf('2026-02-11T01:45:00.000Z').complaints.open[0];
    expect(complaint).toMatchObject({ complaintId: 'cmp-1', class: 'general', clock: 'running', breached: false });
    expect(complaint.workingTimeLeftMs).toBeGreaterThan(0);
    expect(complaint.workingTimeLeftMs).toBe(calendar.workingTimeBetween('2026-02-11T01:45:00.000Z', must(complaint.dueAt)).ms);
  });

  it('R-CMP-3: past its deadline the still-open complaint is breached, with negative working time left', () => {
    const complaint = must(asOf('2026-03-09T03:00:00.000Z').complaints.open.find((c) => c.complaintId === 'cmp-2'));
    expect(Date.parse(must(complaint.dueAt))).toBeLessThan(Date.parse('2026-03-09T03:00:00.000Z'));
    expect(complaint).toMatchObject({ clock: 'running', breached: true });
    expect(complaint.workingTimeLeftMs).toBeLessThan(0);
    // the same complaint a day after it was received was still within its deadline
    expect(asOf('2026-03-03T03:00:00.000Z').complaints.open[0]).toMatchObject({ complaintId: 'cmp-2', breached: false });
  });

  it('once the customer was told, the clock is stopped and the complaint no longer counts as open after closing', () => {
    const notified = asOf('2026-02-11T06:00:00.000Z').complaints.open[0];
    expect(notified).toMatchObject({ complaintId: 'cmp-1', state: 'notified', clock: 'stopped', breached: false });
    expect(asOf('2026-02-12T03:00:00.000Z').complaints).toEqual({ open: [], closed: 1 });
  });

  it('lists the approvals pending at the instant: a drafted resolution awaiting its leader', () => {
    expect(asOf('2026-02-11T02:30:00.000Z').pendingApprovals).toEqual([
      { kind: 'complaint_resolution', streamId: 'complaint-cmp-1', awaiting: 'draft 1', since: null },
    ]);
    expect(asOf('2026-02-11T03:30:00.000Z').pendingApprovals).toEqual([]);
  });
});
