import { Injectable } from '@nestjs/common';
import type { AnyCommand } from '@crm/workflow-kit';

/** Reads the facts one command's decider needs (onboarding's duplicate checks and delegations) and returns its services. */
export type CommandServicesResolver = (instanceId: string, command: AnyCommand) => Promise<unknown>;

/**
 * Per-command services for the workflows whose decider needs facts read first. A context registers
 * its resolver at start; generic callers (a task's dry run) ask here instead of knowing each context.
 * Workflows without one decide with the services they were registered with.
 */
@Injectable()
export class CommandServices {
  private readonly resolvers = new Map<string, CommandServicesResolver>();

  register(workflow: string, resolver: CommandServicesResolver): void {
    this.resolvers.set(workflow, resolver);
  }

  async servicesFor(workflow: string, instanceId: string, command: AnyCommand, registered: unknown): Promise<unknown> {
    const resolver = this.resolvers.get(workflow);
    return resolver ? resolver(instanceId, command) : registered;
  }
}
