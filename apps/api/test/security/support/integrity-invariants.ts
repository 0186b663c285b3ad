import type { StoredEvent } from '@crm/event-store';

/**
 * The invariants issue 14 asks the stored history to obey, written from the policy text
 * (docs/domain.md), NOT from the deciders: a bug shared by a decider and its check cannot hide.
 * Each returns human-readable violations; an empty list is a pass.
 */
const LADDER = ['ordinary', 'one_star', 'two_star', 'three_star'];
// reviewed_evaluation: a proposed tonnage move the sales department confirmed (ADR 0023), still one step
const TONNAGE_CAUSES = new Set(['monthly_evaluation', 'reevaluation', 'reviewed_evaluation']);
const TEXT_CAP = { general: 1, major: 3, total: 7 };
const DECIDING: Record<string, string> = {
  SalesReviewApproved: 'sales_reviewer', FinanceReviewApproved: 'finance_reviewer', GeneralManagerApproved: 'general_manager',
  ExtensionApproved: '*leader', ResolutionApproved: '*leader', SpecialMeetingHeld: 'general_manager',
};
const LEADERS = ['supervisor', 'general_manager'];
const SEPARATED = ['administrator', 'auditor'];

type Person = { roles: string[]; disabled: boolean };

/** R-TIER-4 依次升降: a move by tonnage is one step on the ladder. */
export function gradeJumps(events: readonly StoredEvent[]): string[] {
  return events
    .filter((e) => e.type === 'CustomerGradeChanged' && TONNAGE_CAUSES.has(String(e.data.cause)))
    .filter((e) => Math.abs(LADDER.indexOf(String(e.data.previousGrade)) - LADDER.indexOf(String(e.data.newGrade))) > 1)
    .map((e) => `${e.streamId}@${e.revision}: ${e.data.previousGrade} → ${e.data.newGrade}`);
}

/** R-CMP-3: 1 / 3 working days, at most 7 with every extension; no policy a complaint keeps says otherwise. */
export function complaintCaps(events: readonly StoredEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const days = e.data.workingDays;
    if (typeof days === 'number' && e.streamId.startsWith('complaint-') && days > TEXT_CAP.total) out.push(`${e.streamId}@${e.revision} ${e.type}: ${days} working days`);
    const policy = e.type === 'ComplaintRecorded' ? (e.data.policy as { maxWorkingDays: number; deadlines: { general: number; major: number } }) : null;
    if (policy && (policy.maxWorkingDays > TEXT_CAP.total || policy.deadlines.general > TEXT_CAP.general || policy.deadlines.major > TEXT_CAP.major)) {
      out.push(`${e.streamId}: recorded under a policy beyond the text (${JSON.stringify(policy.deadlines)}, cap ${policy.maxWorkingDays})`);
    }
  }
  return out;
}

/** R-CMP-3: once the timers have settled, every deadline that passed with the clock running is breached exactly once. */
export function unrecordedBreaches(events: readonly StoredEvent[], now: string): string[] {
  const out: string[] = [];
  for (const [streamId, stream] of byStream(events, 'complaint-')) {
    const set = stream.filter((e) => ['ComplaintClassified', 'ComplaintReclassified', 'ExtensionGranted'].includes(e.type));
    const breaches = stream.filter((e) => e.type === 'ComplaintSlaBreached').map((e) => String(e.data.dueAt));
    for (const due of new Set(breaches)) if (breaches.filter((d) => d === due).length > 1) out.push(`${streamId}: breach of ${due} recorded twice`);
    const last = set.at(-1);
    if (!last) continue;
    const due = String((last.data.deadline as { due: string }).due);
    const stopped = stream.find((e) => e.type === 'CustomerNotified' || e.type === 'ComplaintClosed');
    const stoppedInTime = stopped && Date.parse(stopped.metadata.occurredAt) <= Date.parse(due);
    if (!stoppedInTime && Date.parse(due) < Date.parse(now) && !breaches.some((d) => Date.parse(d) === Date.parse(due))) out.push(`${streamId}: due ${due} passed with no breach on record`);
  }
  return out;
}

/** R-ONB-3 and no self-approval: within a round, each step by another person, none by the applicant or the named manager. */
export function onboardingSeparation(events: readonly StoredEvent[]): string[] {
  const out: string[] = [];
  for (const [streamId, stream] of byStream(events, 'onboarding-')) {
    const drafted = stream.find((e) => e.type === 'ApplicationDrafted');
    const interested = new Set([String(drafted?.data.applicantId), String((drafted?.data.form as { customerManagerId?: string } | undefined)?.customerManagerId)]);
    for (const e of stream.filter((x) => x.type === 'ApplicationAmended')) interested.add(String((e.data.form as { customerManagerId?: string }).customerManagerId));
    const rounds = new Map<number, string[]>();
    for (const e of stream.filter((x) => x.type in DECIDING)) {
      const people = [String(e.data.by), ...(e.data.onBehalfOf ? [String(e.data.onBehalfOf)] : [])];
      if (people.some((p) => interested.has(p))) out.push(`${streamId}: ${e.type} by the applicant or the named manager (${people.join('/')})`);
      const seen = rounds.get(Number(e.data.round)) ?? [];
      if (people.some((p) => seen.includes(p))) out.push(`${streamId}: ${people.join('/')} decided two steps of round ${e.data.round}`);
      rounds.set(Number(e.data.round), [...seen, ...people]);
    }
  }
  return out;
}

/**
 * No deciding event by someone who did not hold the role then, was disabled, or also held a role
 * that must stay apart; a delegate's principal held the role and was active too. People's roles
 * are replayed from their user streams in global order, so "then" is the event's position.
 */
export function decisionsByEntitledPeople(events: readonly StoredEvent[]): string[] {
  const people = new Map<string, Person>();
  const out: string[] = [];
  for (const e of events) {
    applyUserEvent(people, e);
    const required = DECIDING[e.type];
    if (!required || e.metadata.actor.startsWith('system:')) continue;
    const roles = required === '*leader' ? LEADERS : [required];
    for (const who of [e.metadata.actor, ...(e.data.onBehalfOf ? [String(e.data.onBehalfOf)] : [])]) {
      const p = people.get(who);
      if (!p || p.disabled || !roles.some((r) => p.roles.includes(r))) out.push(`${e.streamId}@${e.revision} ${e.type}: ${who} was not an active ${roles.join('/')}`);
      else if (p.roles.some((r) => SEPARATED.includes(r))) out.push(`${e.streamId}@${e.revision} ${e.type}: ${who} also held ${p.roles.join(', ')}`);
    }
  }
  return out;
}

/** R-KAM-2: on a customer's archive and its complaints, a plain customer manager writes only for their own customer. */
export function writesByOtherManagers(events: readonly StoredEvent[]): string[] {
  const people = new Map<string, Person>();
  const managerOf = new Map<string, string>();
  const complaintCustomer = new Map<string, string>();
  const out: string[] = [];
  for (const e of events) {
    applyUserEvent(people, e);
    if (e.type === 'CustomerArchiveOpened') managerOf.set(e.streamId.slice('customer-'.length), String(e.data.customerManagerId));
    const change = e.type === 'CustomerInformationChanged' ? (e.data.changes as { customerManagerId?: { after?: string } }).customerManagerId : undefined;
    if (change?.after) managerOf.set(e.streamId.slice('customer-'.length), change.after);
    if (e.type === 'ComplaintRecorded') complaintCustomer.set(e.streamId, String(e.data.customerId));
    const customer = e.streamId.startsWith('customer-') ? e.streamId.slice('customer-'.length) : complaintCustomer.get(e.streamId);
    const actor = people.get(e.metadata.actor);
    const plainManager = actor && actor.roles.includes('customer_manager') && actor.roles.length === 1;
    if (customer && plainManager && managerOf.get(customer) !== e.metadata.actor) out.push(`${e.streamId}@${e.revision} ${e.type} by ${e.metadata.actor}, not ${customer}'s manager`);
  }
  return out;
}

function applyUserEvent(people: Map<string, Person>, e: StoredEvent): void {
  if (!e.streamId.startsWith('user-')) return;
  const name = String(e.data.username ?? e.streamId.slice('user-'.length));
  const p = people.get(name) ?? { roles: [], disabled: false };
  if (e.type === 'UserRegistered') people.set(name, { roles: e.data.roles as string[], disabled: false });
  if (e.type === 'UserRolesChanged') people.set(name, { ...p, roles: e.data.roles as string[] });
  if (e.type === 'UserDisabled') people.set(name, { ...p, disabled: true });
  if (e.type === 'UserEnabled') people.set(name, { ...p, disabled: false });
}

function byStream(events: readonly StoredEvent[], prefix: string): Map<string, StoredEvent[]> {
  const map = new Map<string, StoredEvent[]>();
  for (const e of events) if (e.streamId.startsWith(prefix)) map.set(e.streamId, [...(map.get(e.streamId) ?? []), e]);
  return map;
}
