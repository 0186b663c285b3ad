import type { CustomerContext, DocumentState, PickupState } from './customer.context';
import { toKg } from './customer.context';
import type { CustomerEvent, CustomerEventOf } from './customer.events';
import type { Grade } from './grading';
import { monthOf } from './shanghai-time';
import { moveProposed, reviewedMoveConfirmed } from './evolve-grade-review';
import { proofApproved, proofFiled, reinstated, suspended, withoutProof } from './evolve-renewal';

/**
 * How each event changes the machine's context. Pure; the machine applies it through one
 * `assign` action, so XState stays the only place context changes.
 */
export function evolveCustomer(context: CustomerContext, event: CustomerEvent): Partial<CustomerContext> {
  switch (event.type) {
    case 'CustomerArchiveOpened':
      return opened(event);
    case 'CustomerInformationChanged':
      return informationChanged(event);
    case 'QualificationDocumentRenewed':
      return { ...withDocument(context, event.data.documentId, { ...event.data, warnedFor: null, expired: false }), ...withoutProof(context, event.data.documentId) };
    case 'DocumentExpiryWarned':
      return withDocument(context, event.data.documentId, { warnedFor: event.data.validUntil });
    case 'QualificationExpired':
      return withDocument(context, event.data.documentId, { expired: true });
    case 'CustomerSuspended':
      return suspended(context, event.data.suspendedAt);
    case 'CustomerReinstated':
      return reinstated(context, event.data.reinstatedAt);
    case 'PickupRecorded':
    case 'PickupCorrected':
    case 'PickupVoided':
      return { ...pickupChanged(context, event), ...balanceAfter(context, event) };
    case 'ReceiptRecorded':
      return { balances: { ...context.balances, [event.data.productLine]: event.data.balanceAfterFen }, receiptIds: { ...context.receiptIds, [event.data.receiptId]: true } };
    case 'CustomerGradeChanged':
      return gradeChanged(context, event);
    case 'MonthEvaluated':
      return { ...evaluated(context, event.data.month, event.data.tonnage, event.data.grade, event.data.grade), ...(event.data.policy ? { gradingPolicy: event.data.policy } : {}) };
    case 'GradeMoveProposed':
      return moveProposed(context, event);
    case 'GradeMoveHeld':
    case 'GradeMoveLapsed':
      return { pendingGradeMove: null };
    case 'MonthReevaluated': {
      const record = context.evaluations[event.data.month];
      return { evaluations: { ...context.evaluations, [event.data.month]: { ...record, tonnageKg: toKg(event.data.tonnage) } } };
    }
    case 'SalesPlanFiled':
      return { salesPlans: { ...context.salesPlans, [event.data.month]: { lines: event.data.lines, revision: event.data.revision, filedAt: event.data.filedAt } } };
    case 'AgencyLicenceIssued': {
      const { licenceNumber, validFrom, validUntil } = event.data;
      return { agencyLicences: { ...context.agencyLicences, [event.data.year]: { licenceNumber, validFrom, validUntil, expired: false } } };
    }
    case 'SalesPlanMissing':
      return { salesPlansCheckedThrough: event.data.month };
    case 'RenewalProofFiled':
      return proofFiled(context, event);
    case 'RenewalProofApproved':
      return proofApproved(context, event);
    case 'RenewalProofRejected':
      return withoutProof(context, event.data.documentId);
    case 'AgencyLicenceExpired':
      return { agencyLicences: { ...context.agencyLicences, [event.data.year]: { ...context.agencyLicences[event.data.year], expired: true } } };
    case 'DisqualificationProposed':
      return { pendingDisqualification: { ...event.data, evidence: [...event.data.evidence] } };
    case 'DisqualificationRejected':
      return { pendingDisqualification: null };
    case 'CustomerDisqualified':
      return { pendingDisqualification: null, disqualifiedAt: event.data.approvedAt };
    case 'IdentityChangeRequested': {
      const { notify: _notify, ...request } = event.data;
      return { pendingIdentityChange: request };
    }
    case 'CustomerIdentityChanged': {
      const { name, identifiers } = event.data.changes;
      return { pendingIdentityChange: null, ...(name ? { name: name.after } : {}), ...(identifiers ? { identifiers: identifiers.after } : {}) };
    }
    case 'IdentityChangeRejected':
      return { pendingIdentityChange: null };
    case 'QualificationDocumentAdded': {
      const { reason: _reason, addedBy: _by, addedAt: _at, notify: _notify, ...doc } = event.data;
      return { documents: { ...context.documents, [doc.documentId]: { ...doc, warnedFor: null, expired: false } } };
    }
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

function opened({ data }: CustomerEventOf<'CustomerArchiveOpened'>): Partial<CustomerContext> {
  const documents = Object.fromEntries(data.documents.map((d) => [d.documentId, { ...d, warnedFor: null, expired: false }]));
  const { notify: _notify, openedBy: _openedBy, documents: _documents, ...archive } = data;
  return { ...archive, documents };
}

function informationChanged({ data }: CustomerEventOf<'CustomerInformationChanged'>): Partial<CustomerContext> {
  return Object.fromEntries(Object.entries(data.changes).map(([field, change]) => [field, change?.after])) as Partial<CustomerContext>;
}

function withDocument(context: CustomerContext, documentId: string, patch: Partial<DocumentState>): Partial<CustomerContext> {
  const { previous: _previous, renewedBy: _by, renewedAt: _at, notify: _notify, ...clean } = patch as Record<string, unknown>;
  return { documents: { ...context.documents, [documentId]: { ...context.documents[documentId], ...(clean as Partial<DocumentState>) } } };
}

function pickupChanged(context: CustomerContext, event: CustomerEventOf<'PickupRecorded' | 'PickupCorrected' | 'PickupVoided'>): Partial<CustomerContext> {
  const before = context.pickups.get(event.data.pickupId);
  // corrections and voids exist only for a recorded pickup (the machine's isLivePickup guard)
  const recorded = before as PickupState;
  const after: PickupState =
    event.type === 'PickupRecorded'
      ? { date: event.data.date, product: event.data.product, warehouse: event.data.warehouse, kg: toKg(event.data.tonnes), voided: false, ...(event.data.charge ? { priceFen: event.data.charge.priceFen } : {}) }
      : event.type === 'PickupCorrected'
        ? { ...recorded, kg: toKg(event.data.tonnes) }
        : { ...recorded, voided: true };
  const delta = (after.voided ? 0 : after.kg) - (before && !before.voided ? before.kg : 0);
  const month = monthOf(after.date);
  return {
    pickups: context.pickups.set(event.data.pickupId, after),
    monthKg: { ...context.monthKg, [month]: (context.monthKg[month] ?? 0) + delta },
  };
}

function gradeChanged(context: CustomerContext, { data }: CustomerEventOf<'CustomerGradeChanged'>): Partial<CustomerContext> {
  if (data.month === null) return { grade: data.newGrade };
  if (data.cause === 'reviewed_evaluation') return reviewedMoveConfirmed(context, { type: 'CustomerGradeChanged', data });
  if (data.cause === 'reevaluation') {
    const record = context.evaluations[data.month];
    return { grade: data.newGrade, evaluations: { ...context.evaluations, [data.month]: { ...record, gradeAfter: data.newGrade } } };
  }
  return { grade: data.newGrade, ...evaluated(context, data.month, data.tonnage ?? 0, data.previousGrade, data.newGrade) };
}

function evaluated(context: CustomerContext, month: string, tonnage: number, gradeBefore: Grade, gradeAfter: Grade): Partial<CustomerContext> {
  const record = { tonnageKg: toKg(tonnage), gradeBefore, gradeAfter };
  return { evaluations: { ...context.evaluations, [month]: record }, lastEvaluatedMonth: month };
}

/** R-PRIN-4: a charged pickup moves its product line's prepayment balance to what the event says it left. */
function balanceAfter(context: CustomerContext, event: CustomerEventOf<'PickupRecorded' | 'PickupCorrected' | 'PickupVoided'>): Partial<CustomerContext> {
  const line = context.productLine;
  if (!line) return {};
  const current = context.balances[line] ?? 0;
  const after =
    event.type === 'PickupRecorded' ? event.data.charge?.balanceAfterFen
      : event.type === 'PickupCorrected' ? event.data.charge?.balanceAfterFen
        : event.data.creditFen ? current + event.data.creditFen : undefined;
  return after === undefined ? {} : { balances: { ...context.balances, [line]: after } };
}
