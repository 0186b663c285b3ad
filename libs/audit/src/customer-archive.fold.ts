import type { StoredEvent } from '@crm/event-store';

export type CustomerStatus = 'none' | 'open.active' | 'open.suspended' | 'disqualified';

export interface DocumentAsOf {
  documentId: string;
  kind: string;
  number: string;
  validFrom: string;
  validUntil: string;
  /** QualificationExpired recorded (R-EVAL-1) */
  expired: boolean;
  /** DocumentExpiryWarned recorded for the current validUntil (R-ARC-4) */
  warned: boolean;
}

export interface ArchiveAsOf {
  customerId: string | null;
  applicationId: string | null;
  name: string | null;
  /** the customer machine's state, spelt as the machine spells it */
  status: CustomerStatus;
  grade: string | null;
  class: unknown;
  productLine: string | null;
  customerManagerId: string | null;
  region: string | null;
  openedAt: string | null;
  documents: DocumentAsOf[];
  suspendedSince: string | null;
  disqualifiedAt: string | null;
  pendingDisqualification: { reason: string; proposedBy: string; proposedAt: string } | null;
  pickups: { live: number; tonnes: number };
  lastEvaluatedMonth: string | null;
}

type Data = Record<string, any>;
type Facts = Omit<ArchiveAsOf, 'documents' | 'pickups'>;

/**
 * The customer archive's audit facts folded from its events with mutable state: one pass, no
 * copies. Replaying through the machine costs an XState transition and a fresh immutable
 * context per event (tens of microseconds), too slow for "as-of within the order of reading the
 * rows" at 10,000 events. This fold follows the machine's transitions for
 * the facts it reports; a spec replays the same histories through the machine and compares.
 */
export class CustomerArchiveFold {
  private readonly facts: Facts = {
    customerId: null, applicationId: null, name: null, status: 'none', grade: null, class: null, productLine: null,
    customerManagerId: null, region: null, openedAt: null, suspendedSince: null, disqualifiedAt: null,
    pendingDisqualification: null, lastEvaluatedMonth: null,
  };
  private readonly documents = new Map<string, DocumentAsOf>();
  private readonly pickups = new Map<string, { kg: number; voided: boolean }>();
  private liveKg = 0;
  private livePickups = 0;

  apply(event: Pick<StoredEvent, 'type' | 'data'>): void {
    const d = event.data as Data;
    const f = this.facts;
    if (f.status === 'none') {
      if (event.type === 'CustomerArchiveOpened') this.open(d);
      return;
    }
    if (f.status === 'disqualified') return; // final
    switch (event.type) {
      case 'CustomerInformationChanged':
        for (const [key, change] of Object.entries(d.changes as Data)) (f as Data)[key] = change.after;
        return;
      case 'QualificationDocumentRenewed':
        return this.file(d);
      case 'DocumentExpiryWarned':
        return this.patchDocument(d.documentId, { warned: true });
      case 'QualificationExpired':
        return this.patchDocument(d.documentId, { expired: true });
      case 'CustomerSuspended':
        if (f.status === 'open.active') Object.assign(f, { status: 'open.suspended', suspendedSince: d.suspendedAt });
        return;
      case 'CustomerReinstated':
        if (f.status === 'open.suspended') Object.assign(f, { status: 'open.active', suspendedSince: null });
        return;
      case 'PickupRecorded':
      case 'PickupCorrected':
      case 'PickupVoided':
        return this.pickup(event.type, d);
      default:
        return this.decision(event.type, d);
    }
  }

  result(): ArchiveAsOf {
    return { ...this.facts, documents: [...this.documents.values()].map((d) => ({ ...d })), pickups: { live: this.livePickups, tonnes: this.liveKg / 1000 } };
  }

  private decision(type: string, d: Data): void {
    const f = this.facts;
    if (type === 'CustomerGradeChanged') {
      f.grade = d.newGrade;
      if (d.month && d.cause !== 'reevaluation') f.lastEvaluatedMonth = d.month;
    } else if (type === 'MonthEvaluated') f.lastEvaluatedMonth = d.month;
    // R-TIER-4 (ADR 0023): a month's proposal marks it evaluated; the grade waits for the confirmation
    else if (type === 'GradeMoveProposed' && d.basis === 'monthly_evaluation') f.lastEvaluatedMonth = d.month;
    else if (type === 'DisqualificationProposed') f.pendingDisqualification = { reason: d.reason, proposedBy: d.proposedBy, proposedAt: d.proposedAt };
    else if (type === 'DisqualificationRejected') f.pendingDisqualification = null;
    else if (type === 'CustomerDisqualified') Object.assign(f, { pendingDisqualification: null, disqualifiedAt: d.approvedAt, status: 'disqualified' });
  }

  private open(d: Data): void {
    const { customerId, applicationId, name, grade, productLine, customerManagerId, region, openedAt } = d;
    Object.assign(this.facts, { customerId, applicationId, name, grade, class: d.class, productLine, customerManagerId, region, openedAt, status: 'open.active' });
    for (const doc of d.documents as Data[]) this.file(doc);
  }

  private file(d: Data): void {
    const { documentId, number, validFrom, validUntil } = d;
    const kind = d.kind ?? this.documents.get(documentId)?.kind;
    this.documents.set(documentId, { documentId, kind, number, validFrom, validUntil, expired: false, warned: false });
  }

  private patchDocument(documentId: string, patch: Partial<DocumentAsOf>): void {
    const doc = this.documents.get(documentId);
    if (doc) Object.assign(doc, patch);
  }

  private pickup(type: string, d: Data): void {
    // the machine takes new pickups only while active; corrections and voids while open
    if (type === 'PickupRecorded' && this.facts.status !== 'open.active') return;
    const before = this.pickups.get(d.pickupId);
    if (type !== 'PickupRecorded' && (!before || before.voided)) return;
    const after = { kg: type === 'PickupVoided' ? (before?.kg ?? 0) : Math.round(Number(d.tonnes) * 1000), voided: type === 'PickupVoided' };
    const wasLive = before !== undefined && !before.voided;
    this.liveKg += (after.voided ? 0 : after.kg) - (wasLive ? before.kg : 0);
    this.livePickups += (after.voided ? 0 : 1) - (wasLive ? 1 : 0);
    this.pickups.set(d.pickupId, after);
  }
}
