import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext, PendingIdentityChange } from './customer.context';
import type { CustomerEvent } from './customer.events';
import type { CustomerServices } from './customer.services';
import { ARCHIVE_RECIPIENTS, type Identifiers } from './customer.shapes';
import { assertDocumentValid, fileDocument } from './decide-documents';
import type { IdentityChanges } from './identity-change.events';

const RULE = 'R-ARC-1';
/** Identifiers compared field by field: no JSON.stringify of stored objects (jsonb reorders keys). */
const sameIdentifiers = (a: Identifiers, b: Identifiers) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * R-ARC-1 "客户信息发生变化时…及时在客户档案中进行记录": a renamed or re-registered company keeps its
 * archive; the change is recorded before/after once the sales department approves it (ADR 0024).
 */
export function requestIdentityChange(command: CustomerCommandOf<'RequestIdentityChange'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  if (context.pendingIdentityChange) throw new DomainRuleViolation(RULE, `identity change ${context.pendingIdentityChange.requestId} already waits for the sales department`, 'data.requestId');
  const changes: IdentityChanges = {
    ...(data.name !== undefined && data.name !== context.name ? { name: { before: context.name, after: data.name } } : {}),
    ...(data.identifiers !== undefined && !sameIdentifiers(data.identifiers, context.identifiers) ? { identifiers: { before: context.identifiers, after: data.identifiers } } : {}),
  };
  if (!changes.name && !changes.identifiers) throw new DomainRuleViolation(RULE, 'neither the name nor the identifiers differ from the archive', 'data.name');
  const requested = { requestId: data.requestId, changes, reason: data.reason, ...(data.file ? { file: data.file } : {}), requestedBy: meta.actor.id, requestedAt: meta.now, notify: ['sales' as const] };
  return [{ type: 'IdentityChangeRequested', data: requested }];
}

function pending(context: CustomerContext, requestId: string): PendingIdentityChange {
  const request = context.pendingIdentityChange;
  if (!request || request.requestId !== requestId) throw new DomainRuleViolation(RULE, `no identity change ${requestId} waits for approval`, 'data.requestId');
  return request;
}

/** The approver is not the requester; a moved company key must be this customer's on its reservation stream first (ONB-DUPLICATE). */
export function approveIdentityChange(command: CustomerCommandOf<'ApproveIdentityChange'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  const request = pending(context, data.requestId);
  if (request.requestedBy === meta.actor.id) throw new DomainRuleViolation(RULE, 'an identity change is approved by someone other than who requested it', 'data.requestId');
  const after = request.changes.identifiers?.after;
  let identityKey = { before: null as string | null, after: null as string | null };
  if (after) {
    if (!services.identity) throw new DomainRuleViolation(RULE, 'the company keys are not known here: a credit-code change is approved through the service');
    identityKey = { before: services.identity.keyOf(context.identifiers), after: services.identity.keyOf(after) };
    const moved = identityKey.after !== null && identityKey.after !== identityKey.before;
    if (moved && !services.identity.holds(identityKey.after as string, context.customerId as string)) {
      throw new DomainRuleViolation('ONB-DUPLICATE', `the company key ${identityKey.after} is not reserved for customer ${context.customerId}`, 'data.requestId');
    }
  }
  const changed = {
    requestId: request.requestId, changes: request.changes, identityKey, reason: request.reason, ...(request.file ? { file: request.file } : {}),
    requestedBy: request.requestedBy, approvedBy: meta.actor.id, approvedAt: meta.now, comment: data.comment || null, notify: ARCHIVE_RECIPIENTS,
  };
  return [{ type: 'CustomerIdentityChanged', data: changed }];
}

export function rejectIdentityChange(command: CustomerCommandOf<'RejectIdentityChange'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  const request = pending(context, data.requestId);
  const rejected = { requestId: request.requestId, comment: data.comment, requestedBy: request.requestedBy, rejectedBy: meta.actor.id, rejectedAt: meta.now, notifyUsers: [request.requestedBy] };
  return [{ type: 'IdentityChangeRejected', data: rejected }];
}

/** R-ARC-1/R-ARC-4: a new document joins the archive, valid today, under an id of its own; its expiry is watched like the others. */
export function addDocument(command: CustomerCommandOf<'AddQualificationDocument'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  const { reason, ...doc } = data;
  if (context.documents[doc.documentId]) throw new DomainRuleViolation('R-ARC-4', `document ${doc.documentId} is already on file: renew it instead`, 'data.documentId');
  assertDocumentValid(doc, meta.now, 'data.validUntil');
  return [{ type: 'QualificationDocumentAdded', data: { ...fileDocument(doc, services), reason, addedBy: meta.actor.id, addedAt: meta.now, notify: ARCHIVE_RECIPIENTS } }];
}
