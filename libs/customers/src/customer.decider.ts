import { DomainRuleViolation, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import type { CustomerCommand, CustomerCommandType } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { assertPermitted } from './customer.permissions';
import type { CustomerServices } from './customer.services';
import { DEFAULT_CUSTOMER_SERVICES } from './customer.services';
import { changeInformation, openArchive } from './decide-archive';
import { expireAgencyLicence, fileSalesPlan, issueAgencyLicence } from './decide-agency';
import { approveDisqualification, proposeDisqualification, rejectDisqualification } from './decide-disqualification';
import { expireDocument, renewDocument, warnDocumentExpiry } from './decide-documents';
import { evaluateMonth } from './decide-grading';
import { correctPickup, recordPickup, voidPickup } from './decide-pickups';
import { recordReceipt } from './decide-prepayment';
import { confirmGradeMove, holdGradeMove } from './decide-grade-review';
import { approveRenewalProof, endRenewalGrace, fileRenewalProof, rejectRenewalProof } from './decide-renewal-proof';
import { checkSalesPlan } from './sales-plan-reminder';
import { addDocument, approveIdentityChange, rejectIdentityChange, requestIdentityChange } from './decide-identity';

/** Commands that start business: refused while suspended (R-EVAL-1). */
export const BUSINESS_COMMANDS: ReadonlySet<CustomerCommandType> = new Set(['RecordPickup', 'FileSalesPlan', 'IssueAgencyLicence']);
/** Timer firings: on a customer that has moved on they have nothing left to do. */
const TIMER_COMMANDS: ReadonlySet<CustomerCommandType> = new Set(['WarnDocumentExpiry', 'ExpireDocument', 'ExpireAgencyLicence', 'EvaluateMonth', 'EndRenewalGrace', 'CheckSalesPlan']);

/**
 * The customer decider: permission, lifecycle gate, then one small function per command.
 * The machine re-checks every produced event (guards), so these checks exist for clear messages.
 */
export function decideCustomer(command: CustomerCommand, state: WorkflowState<CustomerContext>, services: CustomerServices = DEFAULT_CUSTOMER_SERVICES): CustomerEvent[] {
  assertPermitted(command.type, command.meta.actor);
  if (state.state === 'none' && command.type !== 'OpenCustomerArchive') throw new TransitionNotAllowed('customer', state.state, command.type);
  if (state.done) {
    if (TIMER_COMMANDS.has(command.type) && command.meta.actor.system) return [];
    throw new DomainRuleViolation('R-EVAL-3', `customer ${state.context.customerId} is disqualified; no further business`);
  }
  if (state.state === 'open.suspended' && BUSINESS_COMMANDS.has(command.type)) {
    const expired = Object.values(state.context.documents).filter((d) => d.expired).map((d) => d.documentId);
    throw new DomainRuleViolation('R-EVAL-1', `business is suspended until valid documents are on file (expired: ${expired.join(', ')})`);
  }
  return route(command, state, services);
}

function route(command: CustomerCommand, state: WorkflowState<CustomerContext>, services: CustomerServices): CustomerEvent[] {
  const context = state.context;
  switch (command.type) {
    case 'OpenCustomerArchive':
      return openArchive(command, services);
    case 'ChangeCustomerInformation':
      return changeInformation(command, context);
    case 'RenewQualificationDocument':
      return renewDocument(command, context, services);
    case 'WarnDocumentExpiry':
      return warnDocumentExpiry(command, context);
    case 'ExpireDocument':
      return expireDocument(command, context, state.state);
    case 'RecordPickup':
      return recordPickup(command, context, services);
    case 'CorrectPickup':
      return correctPickup(command, context, services);
    case 'VoidPickup':
      return voidPickup(command, context);
    case 'RecordReceipt':
      return recordReceipt(command, context);
    case 'EvaluateMonth':
      return evaluateMonth(command, context);
    case 'FileSalesPlan':
      return fileSalesPlan(command, context);
    case 'IssueAgencyLicence':
      return issueAgencyLicence(command, context);
    case 'ExpireAgencyLicence':
      return expireAgencyLicence(command, context);
    case 'ProposeDisqualification':
      return proposeDisqualification(command, context);
    case 'ApproveDisqualification':
      return approveDisqualification(command, context);
    case 'RejectDisqualification':
      return rejectDisqualification(command, context);
    case 'ConfirmGradeMove':
      return confirmGradeMove(command, context, services);
    case 'HoldGradeMove':
      return holdGradeMove(command, context, services);
    case 'FileRenewalProof':
      return fileRenewalProof(command, context, services);
    case 'ApproveRenewalProof':
      return approveRenewalProof(command, context, state.state);
    case 'RejectRenewalProof':
      return rejectRenewalProof(command, context);
    case 'EndRenewalGrace':
      return endRenewalGrace(command, context, state.state);
    case 'CheckSalesPlan':
      return checkSalesPlan(command, context, state.state);
    case 'RequestIdentityChange':
      return requestIdentityChange(command, context);
    case 'ApproveIdentityChange':
      return approveIdentityChange(command, context, services);
    case 'RejectIdentityChange':
      return rejectIdentityChange(command, context);
    case 'AddQualificationDocument':
      return addDocument(command, context, services);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}
