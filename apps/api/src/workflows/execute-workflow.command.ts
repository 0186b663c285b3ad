import type { AnyCommand } from '@crm/workflow-kit';

/**
 * The one command class the CQRS bus routes to the workflow engine: the workflow's own zod
 * schemas and machine do the rest, so contexts need no handler of their own.
 */
export class ExecuteWorkflowCommand {
  constructor(
    readonly workflow: string,
    readonly instanceId: string,
    readonly command: AnyCommand,
    /**
     * Services for this one command, when the decider needs facts read beforehand (deciders are
     * synchronous: e.g. whether a credit code is already taken); default: the registered ones.
     */
    readonly services?: unknown,
  ) {}
}
