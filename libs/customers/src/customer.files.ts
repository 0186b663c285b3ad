import type { FileRef } from '@crm/workflow-kit';
import type { CustomerCommand } from './customer.commands';

/**
 * R-ARC-4: the scans an archive files. The opening carries those onboarding checked; they are
 * checked again here because the opening is a command of its own (a path of its own).
 */
export function customerFiles(command: CustomerCommand): FileRef[] {
  if (command.type === 'OpenCustomerArchive') {
    return command.data.documents.flatMap((doc, i) => (doc.file ? [{ file: doc.file, field: `documents.${i}.file` }] : []));
  }
  if (command.type === 'RenewQualificationDocument' && command.data.file) return [{ file: command.data.file, field: 'file' }];
  // R-EVAL-1: the proof of a renewal under way (an acceptance receipt from the issuing authority, say)
  if (command.type === 'FileRenewalProof' && command.data.file) return [{ file: command.data.file, field: 'file' }];
  // R-ARC-1 (ADR 0024): the evidence of a rename or re-registration; a document added to the archive
  if ((command.type === 'RequestIdentityChange' || command.type === 'AddQualificationDocument') && command.data.file) return [{ file: command.data.file, field: 'file' }];
  return [];
}
