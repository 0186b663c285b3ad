import type { SlaCalendar } from '@crm/complaints';
import { upcastEvent } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { applyEvent, initialSnapshot, stateName } from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';
import { type ComplaintAsOf, complaintAsOf } from './complaint.as-of';
import { type ArchiveAsOf, CustomerArchiveFold } from './customer-archive.fold';
import { archivePending, complaintPending, onboardingPending, type PendingApproval } from './pending-approvals';
import { defaultWorkflowLookup, type WorkflowLookup } from './workflow-lookup';

export interface CustomerAsOf {
  customerId: string;
  at: string;
  /** what the answer was computed from: only events that had occurred by `at` */
  basis: { events: number; streams: number; lastPosition: number | null };
  archive: ArchiveAsOf;
  onboarding: { streamId: string; state: string } | null;
  complaints: { open: ComplaintAsOf[]; closed: number };
  pendingApprovals: PendingApproval[];
}

export interface AsOfOptions {
  lookup?: WorkflowLookup;
  /** the working-day calendar for SLA time left; wall-clock time without one */
  calendar?: SlaCalendar;
}

/**
 * The customer as it was at `at`, computed ONLY by replaying the customer's events whose
 * metadata.occurredAt ≤ at (never from current tables): the archive through a one-pass fold,
 * the onboarding application and each complaint through their machines.
 */
export function customerAsOf(customerId: string, events: readonly StoredEvent[], at: string, options: AsOfOptions = {}): CustomerAsOf {
  const lookup = options.lookup ?? defaultWorkflowLookup;
  const until = Date.parse(at);
  const archive = new CustomerArchiveFold();
  const others = new Map<string, StoredEvent[]>();
  let archiveStream: string | null = null;
  let counted = 0;
  let lastPosition: number | null = null;
  for (const event of events) {
    if (Date.parse(event.metadata.occurredAt) > until) continue;
    counted += 1;
    lastPosition = Math.max(lastPosition ?? 0, event.position);
    if (event.streamId === `customer-${customerId}`) {
      archiveStream = event.streamId;
      archive.apply(event);
    } else {
      const stream = others.get(event.streamId) ?? [];
      stream.push(event);
      others.set(event.streamId, stream);
    }
  }
  const { machines, closed } = replayOthers(others, lookup);
  const folded = archive.result();
  return {
    customerId,
    at,
    basis: { events: counted, streams: others.size + (archiveStream ? 1 : 0), lastPosition },
    archive: folded,
    ...machineFacts(machines, closed, lookup, at, options.calendar),
    pendingApprovals: [...(archiveStream ? archivePending(archiveStream, folded) : []), ...pendingOf(machines, lookup)],
  };
}

/**
 * Each non-archive stream through its machine, except complaints already closed by then: their
 * end state is known from ComplaintClosed (final in the machine), and replaying them would make
 * a customer with many old complaints pay a machine transition per event for a count.
 */
function replayOthers(others: Map<string, StoredEvent[]>, lookup: WorkflowLookup) {
  const machines = new Map<string, AnyMachineSnapshot>();
  let closed = 0;
  for (const [streamId, stream] of others) {
    const workflow = lookup(streamId);
    if (!workflow) continue;
    if (workflow.name === 'complaint' && stream.some((e) => e.type === 'ComplaintClosed')) {
      closed += 1;
      continue;
    }
    machines.set(streamId, stream.reduce((snapshot, e) => applyEvent(workflow, snapshot, upcastEvent(workflow, e)), initialSnapshot(workflow)));
  }
  return { machines, closed };
}

function machineFacts(machines: Map<string, AnyMachineSnapshot>, closedBefore: number, lookup: WorkflowLookup, at: string, calendar?: SlaCalendar) {
  let onboarding: CustomerAsOf['onboarding'] = null;
  const open: ComplaintAsOf[] = [];
  let closed = closedBefore;
  for (const [streamId, snapshot] of machines) {
    const name = lookup(streamId)?.name;
    if (name === 'onboarding') onboarding = { streamId, state: stateName(snapshot.value) };
    if (name !== 'complaint' || stateName(snapshot.value) === 'none') continue;
    if (snapshot.status === 'done') closed += 1;
    else open.push(complaintAsOf(streamId, snapshot, at, calendar));
  }
  return { onboarding, complaints: { open, closed } };
}

function pendingOf(machines: Map<string, AnyMachineSnapshot>, lookup: WorkflowLookup): PendingApproval[] {
  return [...machines].flatMap(([streamId, snapshot]) => {
    const name = lookup(streamId)?.name;
    if (name === 'onboarding') return onboardingPending(streamId, snapshot);
    if (name === 'complaint') return complaintPending(streamId, snapshot);
    return [];
  });
}
