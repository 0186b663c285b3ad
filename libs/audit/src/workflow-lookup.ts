import { complaintWorkflow } from '@crm/complaints';
import { customerWorkflow } from '@crm/customers';
import { onboardingWorkflow } from '@crm/onboarding';
import type { AnyWorkflow } from '@crm/workflow-kit';

/** The machine a stream is replayed through; undefined for streams no workflow owns. */
export type WorkflowLookup = (streamId: string) => AnyWorkflow | undefined;

const KNOWN: readonly AnyWorkflow[] = [customerWorkflow, onboardingWorkflow, complaintWorkflow];

/** By stream prefix over the customer-facing workflows (the CLI has no registry; the API passes its own). */
export const defaultWorkflowLookup: WorkflowLookup = (streamId) => KNOWN.find((w) => streamId.startsWith(`${w.streamPrefix}-`));

/** The registry's answer first, the known workflows otherwise (a context not registered yet). */
export function lookupWith(primary: WorkflowLookup): WorkflowLookup {
  return (streamId) => primary(streamId) ?? defaultWorkflowLookup(streamId);
}
