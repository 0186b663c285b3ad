import type { AnyWorkflow } from '@crm/workflow-kit';
import { UnknownWorkflowError } from './engine.errors';

export interface RegisteredWorkflow<TServices = unknown> {
  workflow: AnyWorkflow;
  services: TServices;
}

/**
 * Name → definition + the services its decider needs. Timers store only the workflow's name, so
 * the scheduler (and the API's generic routes) find the definition here.
 */
export class WorkflowRegistry {
  private readonly entries = new Map<string, RegisteredWorkflow>();

  register(workflow: AnyWorkflow, services: unknown = undefined): this {
    const clash = [...this.entries.values()].find((e) => e.workflow.streamPrefix === workflow.streamPrefix && e.workflow.name !== workflow.name);
    if (clash) throw new Error(`stream prefix "${workflow.streamPrefix}" is used by ${clash.workflow.name} and ${workflow.name}`);
    this.entries.set(workflow.name, { workflow, services });
    return this;
  }

  get(name: string): RegisteredWorkflow {
    const entry = this.entries.get(name);
    if (!entry) throw new UnknownWorkflowError(name);
    return entry;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The workflow a stream belongs to (`${prefix}-${instanceId}`), for replay/verify tools. */
  byStreamId(streamId: string): (RegisteredWorkflow & { instanceId: string }) | undefined {
    for (const entry of this.entries.values()) {
      const prefix = `${entry.workflow.streamPrefix}-`;
      if (streamId.startsWith(prefix)) return { ...entry, instanceId: streamId.slice(prefix.length) };
    }
    return undefined;
  }

  list(): RegisteredWorkflow[] {
    return [...this.entries.values()];
  }
}
