import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import { toKg, toTonnes } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { evaluateFrom, reevaluatedGrade } from './customer.rules';
import { bandOf } from './grading';
import type { CustomerServices } from './customer.services';
import { chargeForCorrection, chargeForPickup, creditForVoid, prepaymentFacts } from './decide-prepayment';
import { assertWithinAllocation } from './decide-allocation-limit';
import { reviewedReevaluation } from './decide-grade-review';
import { agencyLicenceFor, assertNotSuspendedOn } from './pickup-eligibility';
import { monthOf, shanghaiDate } from './shanghai-time';

/** R-TIER-2: pickups are the evidence for monthly grading. A repeated identical record is a no-op. */
export function recordPickup(command: CustomerCommandOf<'RecordPickup'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  const existing = context.pickups.get(data.pickupId);
  if (existing) {
    const identical = existing.date === data.date && existing.kg === toKg(data.tonnes) && existing.product === data.product && existing.warehouse === data.warehouse;
    if (identical && !existing.voided) return [];
    throw new DomainRuleViolation('R-TIER-2', `pickup ${data.pickupId} is already recorded with other data; correct or void it instead`, 'data.pickupId');
  }
  if (data.date > shanghaiDate(meta.now)) throw new DomainRuleViolation('R-TIER-2', `pickup date ${data.date} is in the future`, 'data.date');
  if (context.openedAt && data.date < shanghaiDate(context.openedAt)) {
    throw new DomainRuleViolation('R-ONB-4', `pickup date ${data.date} is before the archive was opened`, 'data.date');
  }
  assertNotSuspendedOn(context, data.date);
  const agencyLicence = agencyLicenceFor(context, data.date);
  const facts = prepaymentFacts(services);
  const charge = chargeForPickup(context, facts, data.date, data.warehouse, toKg(data.tonnes));
  assertWithinAllocation(context, facts, monthOf(data.date), toKg(data.tonnes));
  const evidence = { ...(charge ? { charge } : {}), ...(agencyLicence ? { agencyLicence } : {}) };
  const recorded: CustomerEvent = { type: 'PickupRecorded', data: { ...data, recordedBy: meta.actor.id, recordedAt: meta.now, ...evidence } };
  return [recorded, ...reevaluation(context, data.pickupId, data.date, toKg(data.tonnes), meta.now)];
}

function livePickup(context: CustomerContext, pickupId: string) {
  const pickup = context.pickups.get(pickupId);
  if (!pickup) throw new DomainRuleViolation('R-TIER-2', `no pickup ${pickupId} on record`, 'data.pickupId');
  if (pickup.voided) throw new DomainRuleViolation('R-TIER-2', `pickup ${pickupId} was voided`, 'data.pickupId');
  return pickup;
}

/** The correction counts in the pickup's own month (effectiveDate) and records when it was learnt. */
export function correctPickup(command: CustomerCommandOf<'CorrectPickup'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  const pickup = livePickup(context, data.pickupId);
  if (toKg(data.tonnes) === pickup.kg) throw new DomainRuleViolation('R-TIER-2', `pickup ${data.pickupId} already has ${data.tonnes} t`, 'data.tonnes');
  // only an increase can break the allocation; a decrease needs no facts
  if (toKg(data.tonnes) > pickup.kg) assertWithinAllocation(context, prepaymentFacts(services), monthOf(pickup.date), toKg(data.tonnes) - pickup.kg);
  const corrected: CustomerEvent = {
    type: 'PickupCorrected',
    data: {
      pickupId: data.pickupId, previousTonnes: toTonnes(pickup.kg), tonnes: data.tonnes, reason: data.reason, effectiveDate: pickup.date, recordedAt: meta.now, correctedBy: meta.actor.id,
      ...withCharge(chargeForCorrection(context, pickup, toKg(data.tonnes))),
    },
  };
  return [corrected, ...reevaluation(context, data.pickupId, pickup.date, toKg(data.tonnes) - pickup.kg, meta.now)];
}

export function voidPickup(command: CustomerCommandOf<'VoidPickup'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  const pickup = livePickup(context, data.pickupId);
  const voided: CustomerEvent = {
    type: 'PickupVoided',
    data: { pickupId: data.pickupId, tonnes: toTonnes(pickup.kg), reason: data.reason, effectiveDate: pickup.date, recordedAt: meta.now, voidedBy: meta.actor.id, ...withCredit(creditForVoid(pickup)) },
  };
  return [voided, ...reevaluation(context, data.pickupId, pickup.date, -pickup.kg, meta.now)];
}

/**
 * A late change to an evaluated month re-runs that month's evaluation and records the difference
 * beside the original (never rewriting it). Only the latest evaluated month can still move the
 * current grade: later months were graded from the grade it produced, so older differences are
 * reported for the sales department to weigh (R-TIER-4: tonnage is one indicator among others).
 */
function reevaluation(context: CustomerContext, pickupId: string, date: string, deltaKg: number, now: string): CustomerEvent[] {
  const month = monthOf(date);
  const record = context.evaluations[month];
  if (!record) return [];
  const kg = (context.monthKg[month] ?? 0) + deltaKg;
  const outcome = evaluateFrom(context, record.gradeBefore, kg, context.gradingPolicy);
  const latestMonth = month === context.lastEvaluatedMonth;
  const reevaluated: CustomerEvent = {
    type: 'MonthReevaluated',
    data: {
      month, previousTonnage: toTonnes(record.tonnageKg), tonnage: outcome.tonnage, previousBand: bandOf(toTonnes(record.tonnageKg)), band: outcome.band,
      awardedGrade: record.gradeAfter, reevaluatedGrade: outcome.newGrade, latestMonth, pickupId, reevaluatedAt: now,
    },
  };
  // under the review step (ADR 0023) the re-run is proposed, never applied by itself
  if (context.gradingPolicy !== null) return [reevaluated, ...reviewedReevaluation(context, month, kg, now)];
  const regraded = latestMonth ? reevaluatedGrade(context, month, kg) : null;
  if (!regraded || context.grade !== record.gradeAfter || regraded.newGrade === context.grade) return [reevaluated];
  const changed = { month, tonnage: regraded.tonnage, band: regraded.band, previousGrade: record.gradeAfter, newGrade: regraded.newGrade, cause: 'reevaluation' as const, ruleId: 'R-TIER-4', changedAt: now };
  return [reevaluated, { type: 'CustomerGradeChanged', data: changed }];
}

const withCharge = (charge: { deltaFen: number; balanceAfterFen: number } | null) => (charge ? { charge } : {});
const withCredit = (creditFen: number | null) => (creditFen ? { creditFen } : {});
