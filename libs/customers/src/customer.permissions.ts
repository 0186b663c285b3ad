import { NotPermitted, type Actor, type Role } from '@crm/workflow-kit';
import type { CustomerCommandType } from './customer.commands';

type Issuer = Role | 'system';
interface Permission {
  ruleId: string;
  issuers: readonly Issuer[];
}

const ARCHIVE_KEEPERS: Issuer[] = ['customer_manager', 'sales_reviewer'];
const PICKUP_RECORDERS: Issuer[] = ['customer_manager', 'sales_reviewer', 'administrator', 'system'];

/**
 * Who may issue each command. Opening follows onboarding's last approval (R-ONB-3/4), so only
 * the system issues it; timers act as the scheduler; only the general manager disqualifies.
 */
export const CUSTOMER_PERMISSIONS: Readonly<Record<CustomerCommandType, Permission>> = {
  OpenCustomerArchive: { ruleId: 'R-ONB-4', issuers: ['system'] },
  ChangeCustomerInformation: { ruleId: 'R-ARC-1', issuers: ARCHIVE_KEEPERS },
  // the system carries a company document's renewal over to the company's other registrations (ADR 0020)
  RenewQualificationDocument: { ruleId: 'R-ARC-4', issuers: [...ARCHIVE_KEEPERS, 'system'] },
  WarnDocumentExpiry: { ruleId: 'R-ARC-4', issuers: ['system'] },
  ExpireDocument: { ruleId: 'R-EVAL-1', issuers: ['system'] },
  RecordPickup: { ruleId: 'R-TIER-2', issuers: PICKUP_RECORDERS },
  CorrectPickup: { ruleId: 'R-TIER-2', issuers: PICKUP_RECORDERS },
  VoidPickup: { ruleId: 'R-TIER-2', issuers: PICKUP_RECORDERS },
  RecordReceipt: { ruleId: 'R-PRIN-4', issuers: ['finance_reviewer'] },
  EvaluateMonth: { ruleId: 'R-TIER-4', issuers: ['sales_reviewer', 'system'] },
  FileSalesPlan: { ruleId: 'R-TIER-7', issuers: ARCHIVE_KEEPERS },
  IssueAgencyLicence: { ruleId: 'R-TIER-7', issuers: ['sales_reviewer', 'general_manager'] },
  ExpireAgencyLicence: { ruleId: 'R-TIER-7', issuers: ['system'] },
  ProposeDisqualification: { ruleId: 'R-EVAL-3', issuers: ['customer_manager', 'sales_reviewer', 'supervisor'] },
  ApproveDisqualification: { ruleId: 'R-EVAL-3', issuers: ['general_manager'] },
  RejectDisqualification: { ruleId: 'R-EVAL-3', issuers: ['general_manager'] },
  // R-TIER-4: grading is the sales department's (划分客户等级, 篇4 第四条(四))
  ConfirmGradeMove: { ruleId: 'R-TIER-4', issuers: ['sales_reviewer'] },
  HoldGradeMove: { ruleId: 'R-TIER-4', issuers: ['sales_reviewer'] },
  // R-EVAL-1: the archive keepers file the proof; the sales department, which checks qualifications (审查客户资质), approves
  FileRenewalProof: { ruleId: 'R-EVAL-1', issuers: ARCHIVE_KEEPERS },
  ApproveRenewalProof: { ruleId: 'R-EVAL-1', issuers: ['sales_reviewer'] },
  RejectRenewalProof: { ruleId: 'R-EVAL-1', issuers: ['sales_reviewer'] },
  EndRenewalGrace: { ruleId: 'R-EVAL-1', issuers: ['system'] },
  CheckSalesPlan: { ruleId: 'R-TIER-7', issuers: ['system'] },
  // R-ARC-1 (ADR 0024): the archive keepers request a name or credit-code change; the sales department, which owns the archives, approves
  RequestIdentityChange: { ruleId: 'R-ARC-1', issuers: ARCHIVE_KEEPERS },
  ApproveIdentityChange: { ruleId: 'R-ARC-1', issuers: ['sales_reviewer'] },
  RejectIdentityChange: { ruleId: 'R-ARC-1', issuers: ['sales_reviewer'] },
  AddQualificationDocument: { ruleId: 'R-ARC-4', issuers: ARCHIVE_KEEPERS },
};

export function assertPermitted(type: CustomerCommandType, actor: Actor): void {
  const { ruleId, issuers } = CUSTOMER_PERMISSIONS[type];
  const allowed = actor.system ? issuers.includes('system') : actor.roles.some((role) => issuers.includes(role));
  if (!allowed) throw new NotPermitted(ruleId, `${type} may be issued only by ${issuers.join(', ')}`);
}
