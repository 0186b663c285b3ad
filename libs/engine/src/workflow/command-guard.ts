import type { AnyCommand, AnyWorkflow, WorkflowState } from '@crm/workflow-kit';

/**
 * A check every command passes before the engine replays a prior result or decides: the place for
 * rules about who may act that need facts outside the stream (e.g. R-KAM-2 ownership of the customer
 * a command concerns). It sees the freshly read state and throws to refuse. Guards run on every path
 * into the engine, HTTP, import, reactors, so no path can skip them; they run again on a retry.
 */
export type CommandGuard = (workflow: AnyWorkflow, command: AnyCommand, state: WorkflowState<unknown>) => Promise<void> | void;
