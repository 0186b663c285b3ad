import type { WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import { type Actor, taskDeclaration, type WorkflowState } from '@crm/workflow-kit';
import { z } from 'zod';
import type { CommandServices } from '../workflows/command-services';

/** The stored task the probe asks about (a row of the tasks read model, or the same from a spec). */
export interface ProbedTask {
  workflow: string;
  instanceId: string;
  taskType: string;
  key: string;
  /** the named assignee: a caller acting for them names them where the command has a field for it */
  assignee?: string | null;
}

/** A delegate acts for the assignee: onboarding's decisions say so in `onBehalfOf`; engine-assigned tasks need nothing (TASK-ASSIGNEE). */
function onBehalfOf(schema: unknown, task: ProbedTask, actor: Actor): Record<string, unknown> {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return task.assignee && task.assignee !== actor.id && shape && 'onBehalfOf' in shape ? { onBehalfOf: task.assignee } : {};
}

export interface CommandProbe {
  command: string;
  allowed: boolean;
  /** why the guards refuse it now (rule id), when they do */
  refusedBy: string | null;
  /** the zod schema's name and its JSON schema: the console derives the form from it */
  schema: { name: string; jsonSchema: unknown };
}

const ruleOf = (error: unknown): string => (error as { ruleId?: string }).ruleId ?? (error as Error).name ?? 'REFUSED';

/**
 * Dry-runs a task's commands for one person: the engine's guards, the decider and the machine,
 * nothing written (WorkflowEngine.dryRun). The data is the declaration's sample, so "allowed"
 * means "who you are allows it now"; the caller still fills the form.
 */
export interface ProbeContext {
  engine: WorkflowEngine;
  registry: WorkflowRegistry;
  services: CommandServices;
}

export async function probeCommands(
  { engine, registry, services: perCommand }: ProbeContext, task: ProbedTask, actor: Actor, now: string, options: { only?: string; ignoreTaskAssignee?: boolean } = {},
): Promise<CommandProbe[]> {
  const { only } = options;
  const { workflow, services } = registry.get(task.workflow);
  const declaration = taskDeclaration(workflow, task.taskType);
  if (!declaration) return [];
  const { state } = await engine.load(workflow, task.instanceId);
  const probes: CommandProbe[] = [];
  for (const command of declaration.commands.filter((c) => !only || c === only)) {
    const data = declaration.sampleData?.(command, state as WorkflowState<unknown>, actor.id, task.key) ?? null;
    const schema = { name: command, jsonSchema: jsonSchemaOf(workflow.commandSchemas[command]) };
    if (data === null) {
      probes.push({ command, allowed: false, refusedBy: 'NO-SAMPLE', schema });
      continue;
    }
    try {
      const probe = { type: command, data: { ...data, ...onBehalfOf(workflow.commandSchemas[command], task, actor) }, meta: { actor, now } };
      const decidedWith = await perCommand.servicesFor(workflow.name, task.instanceId, probe, services);
      await engine.dryRun(workflow, task.instanceId, probe, decidedWith, { ignoreTaskAssignee: options.ignoreTaskAssignee ?? false });
      probes.push({ command, allowed: true, refusedBy: null, schema });
    } catch (error) {
      probes.push({ command, allowed: false, refusedBy: ruleOf(error), schema });
    }
  }
  return probes;
}

function jsonSchemaOf(schema: unknown): unknown {
  try {
    return z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' });
  } catch {
    return null;
  }
}
