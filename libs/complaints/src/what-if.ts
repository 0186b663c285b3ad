import { replayEvents } from '@crm/workflow-kit';
import type { ComplaintPolicy } from './complaint-policy';
import type { ActiveSla, ComplaintContext } from './complaint.context';
import type { ComplaintClass } from './complaint.shapes';
import type { ComplaintEvent } from './complaint.events';
import { allowedWorkingDays, everBreached, instantMs } from './complaint.rules';
import type { SlaCalendar } from './complaint.services';
import { computeSla } from './complaint.sla';
import { complaintWorkflow } from './complaint.workflow';

/** A different calendar, and optionally a different policy (default: each complaint's own). */
export interface WhatIfScenario {
  calendar: SlaCalendar;
  policy?: ComplaintPolicy;
}

export interface WhatIfOutcome {
  complaintId: string;
  class: string;
  receivedAt: string;
  /** when the customer was told: the end of the SLA clock */
  handledAt: string;
  actual: { workingDays: number; due: string; calendarVersion: string; policyVersion: string; late: boolean; breachOnRecord: boolean };
  whatIf: { workingDays: number; due: string; calendarVersion: string; policyVersion: string; provisional: boolean; late: boolean };
  dueChanged: boolean;
  lateChanged: boolean;
  /** business time from handling to the what-if due: negative means it would have been late by that much */
  whatIfMarginMs: number;
}

export interface WhatIfReport {
  outcomes: WhatIfOutcome[];
  skipped: Array<{ complaintId: string | null; reason: string }>;
  summary: { examined: number; dueChanged: number; lateChanged: number; newlyLate: number; noLongerLate: number };
}

/**
 * For the auditor: re-run closed complaints' histories under another policy or calendar and say
 * which deadlines and breaches would change. Granted extension days are kept (capped by the
 * scenario's policy); the time the customer was told is what it was.
 */
export function whatIf(histories: ReadonlyArray<readonly ComplaintEvent[]>, scenario: WhatIfScenario): WhatIfReport {
  const outcomes: WhatIfOutcome[] = [];
  const skipped: WhatIfReport['skipped'] = [];
  for (const events of histories) {
    const snapshot = replayEvents(complaintWorkflow, events);
    const context = snapshot.context as ComplaintContext;
    const facts = snapshot.status === 'done' ? closedFacts(context) : null;
    if (!facts) skipped.push({ complaintId: context.complaintId, reason: 'not closed' });
    else outcomes.push(rerun(facts, scenario));
  }
  const count = (p: (o: WhatIfOutcome) => boolean) => outcomes.filter(p).length;
  const summary = {
    examined: outcomes.length,
    dueChanged: count((o) => o.dueChanged),
    lateChanged: count((o) => o.lateChanged),
    newlyLate: count((o) => o.whatIf.late && !o.actual.late),
    noLongerLate: count((o) => o.actual.late && !o.whatIf.late),
  };
  return { outcomes, skipped, summary };
}

interface ClosedFacts {
  context: ComplaintContext;
  complaintId: string;
  receivedAt: string;
  handledAt: string;
  sla: ActiveSla;
  recordedPolicy: ComplaintPolicy;
  complaintClass: ComplaintClass;
}

/** A closed complaint was recorded, classified and notified; anything else is not re-run. */
function closedFacts(context: ComplaintContext): ClosedFacts | null {
  const { complaintId, receivedAt, notifiedAt, sla, policy, complaintClass } = context;
  if (!complaintId || !receivedAt || !notifiedAt || !sla || !policy || !complaintClass) return null;
  return { context, complaintId, receivedAt, handledAt: notifiedAt, sla, recordedPolicy: policy, complaintClass };
}

function rerun(facts: ClosedFacts, scenario: WhatIfScenario): WhatIfOutcome {
  const { context, complaintId, receivedAt, handledAt, sla, recordedPolicy, complaintClass } = facts;
  const policy = scenario.policy ?? recordedPolicy;
  const workingDays = allowedWorkingDays(policy, complaintClass, context.extensionWorkingDays, context.legacyExtensionWorkingDays);
  const alt = computeSla(scenario.calendar, policy, receivedAt, workingDays);
  const late = (due: string) => instantMs(handledAt) > instantMs(due);
  const actual = {
    workingDays: sla.workingDays, due: sla.deadline.due, calendarVersion: sla.deadline.calendarVersion,
    policyVersion: recordedPolicy.version, late: late(sla.deadline.due), breachOnRecord: everBreached(context),
  };
  const what = {
    workingDays, due: alt.deadline.due, calendarVersion: alt.deadline.calendarVersion, policyVersion: policy.version,
    provisional: alt.deadline.provisional, late: late(alt.deadline.due),
  };
  return {
    complaintId, class: complaintClass, receivedAt, handledAt, actual, whatIf: what,
    dueChanged: instantMs(actual.due) !== instantMs(what.due),
    lateChanged: actual.late !== what.late,
    whatIfMarginMs: scenario.calendar.workingTimeBetween(handledAt, what.due).ms,
  };
}
