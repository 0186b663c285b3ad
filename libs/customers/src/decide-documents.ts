import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent, FiledDocument } from './customer.events';
import type { QualificationDocument } from './customer.shapes';
import { ARCHIVE_RECIPIENTS } from './customer.shapes';
import type { CustomerServices } from './customer.services';
import { addDays, daysBetween, shanghaiDate, startOfShanghaiDay } from './shanghai-time';
import { graceOf } from './renewal-grace';

/** R-EVAL-1: a document valid until D expires when D is over in Shanghai. */
export const expiryInstant = (validUntil: string): string => startOfShanghaiDay(addDays(validUntil, 1));

/** The warning instant is fixed when the document is filed, so the timer it drives is an event fact. */
export function fileDocument(doc: QualificationDocument, services: CustomerServices): FiledDocument {
  const days = services.documentWarningDays;
  if (!Number.isInteger(days) || days < 0) throw new DomainRuleViolation('R-ARC-4', `documentWarningDays must be a whole number ≥ 0, got ${days}`);
  return { ...doc, warnAt: startOfShanghaiDay(addDays(doc.validUntil, -days)) };
}

/** R-ONB-2/R-ARC-4: a document on file must be valid today. */
export function assertDocumentValid(doc: QualificationDocument, now: string, field: string): void {
  if (doc.validFrom > doc.validUntil) throw new DomainRuleViolation('R-ARC-4', `document ${doc.documentId} is valid from ${doc.validFrom} after its end ${doc.validUntil}`, field);
  if (doc.validUntil < shanghaiDate(now)) throw new DomainRuleViolation('R-ONB-2', `document ${doc.documentId} expired on ${doc.validUntil}`, field);
}

export function renewDocument(command: CustomerCommandOf<'RenewQualificationDocument'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  const current = context.documents[data.documentId];
  if (!current) throw new DomainRuleViolation('R-ARC-4', `no qualification document ${data.documentId} on file`, 'data.documentId');
  if (data.validUntil <= current.validUntil) throw new DomainRuleViolation('R-ARC-4', `a renewal must extend validity beyond ${current.validUntil}`, 'data.validUntil');
  const renewal = { ...data, kind: current.kind };
  assertDocumentValid(renewal, meta.now, 'data.validUntil');
  const renewed: CustomerEvent = {
    type: 'QualificationDocumentRenewed',
    data: {
      ...fileDocument(renewal, services),
      previous: { number: current.number, validFrom: current.validFrom, validUntil: current.validUntil, ...(current.file ? { file: current.file } : {}) },
      renewedBy: meta.actor.id, renewedAt: meta.now, notify: ARCHIVE_RECIPIENTS,
    },
  };
  const stillExpired = Object.values(context.documents).some((d) => d.expired && d.documentId !== data.documentId && graceOf(context, d.documentId, meta.now) === null);
  const reinstate = context.suspendedSince !== null && !stillExpired;
  return reinstate ? [renewed, { type: 'CustomerReinstated', data: { reason: 'R-EVAL-1', reinstatedAt: meta.now, notify: ARCHIVE_RECIPIENTS } }] : [renewed];
}

/** A timer for a validUntil that a renewal replaced, or fired twice, does nothing. */
function liveDocument(context: CustomerContext, documentId: string, validUntil: string) {
  const doc = context.documents[documentId];
  return doc && !doc.expired && doc.validUntil === validUntil ? doc : null;
}

export function warnDocumentExpiry(command: CustomerCommandOf<'WarnDocumentExpiry'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  const doc = liveDocument(context, data.documentId, data.validUntil);
  if (!doc || doc.warnedFor === doc.validUntil) return [];
  if (meta.now < doc.warnAt) throw new DomainRuleViolation('R-ARC-4', `the warning for ${doc.documentId} is due at ${doc.warnAt}`);
  const daysLeft = daysBetween(shanghaiDate(meta.now), doc.validUntil);
  const warned = { documentId: doc.documentId, kind: doc.kind, validUntil: doc.validUntil, daysLeft, customerManagerId: context.customerManagerId ?? 'unassigned', warnedAt: meta.now };
  return [{ type: 'DocumentExpiryWarned', data: { ...warned, notify: ['customer_manager'] } }];
}

export function expireDocument(command: CustomerCommandOf<'ExpireDocument'>, context: CustomerContext, state: string): CustomerEvent[] {
  const { data, meta } = command;
  const doc = liveDocument(context, data.documentId, data.validUntil);
  if (!doc) return [];
  if (meta.now < expiryInstant(doc.validUntil)) throw new DomainRuleViolation('R-EVAL-1', `${doc.documentId} is valid until the end of ${doc.validUntil}`);
  // R-EVAL-1: an approved proof of renewal under way postpones the suspension to the end of its grace
  const postponedUntil = graceOf(context, doc.documentId, meta.now);
  const facts = { documentId: doc.documentId, kind: doc.kind, validUntil: doc.validUntil, expiredAt: meta.now };
  const expired: CustomerEvent = { type: 'QualificationExpired', data: postponedUntil ? { ...facts, suspensionPostponedUntil: postponedUntil } : facts };
  if (state !== 'open.active' || postponedUntil) return [expired];
  return [expired, { type: 'CustomerSuspended', data: { reason: 'R-EVAL-1', documentIds: [doc.documentId], suspendedAt: meta.now, notify: ARCHIVE_RECIPIENTS } }];
}
