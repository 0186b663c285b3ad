import { WrongExpectedRevisionError } from '@crm/event-store';
import { type AnyCommand, type AnyWorkflow, DomainRuleViolation, NotPermitted, TransitionNotAllowed, WorkflowNotFound } from '@crm/workflow-kit';
import { TaskAlreadyCompleted } from '../task/task.errors';
import type { CommandResult } from './command-result';

/**
 * How a command ended, as an operator counts it: accepted (written), replayed (an idempotent
 * retry, nothing written), refused by a rule (the rule's id), invalid (its own schema), conflict
 * (someone else wrote first), error (anything else: a bug or an engine down).
 */
export interface CommandOutcome {
  workflow: string;
  command: string;
  result: 'accepted' | 'replayed' | 'refused' | 'invalid' | 'conflict' | 'error';
  /** the rule that refused it (`R-ONB-3`, `STATE`, `R-KAM-2`, `NOT-FOUND`), or the conflict's kind (`TASK-DONE`, `CONCURRENCY`) */
  rule?: string;
  seconds: number;
}

/** Called once per `WorkflowEngine.execute`, after it returned or threw. Must not throw. */
export type CommandObserver = (outcome: CommandOutcome) => void;

type Ending = Pick<CommandOutcome, 'result' | 'rule'>;

export function succeeded(result: CommandResult): Ending {
  return { result: result.replayed ? 'replayed' : 'accepted' };
}

export function failed(error: unknown): Ending {
  if (error instanceof DomainRuleViolation) {
    return { result: error.ruleId === 'SCHEMA' || error.ruleId === 'COMMAND' ? 'invalid' : 'refused', rule: error.ruleId };
  }
  if (error instanceof NotPermitted) return { result: 'refused', rule: error.ruleId };
  if (error instanceof TransitionNotAllowed) return { result: 'refused', rule: 'STATE' };
  if (error instanceof WorkflowNotFound) return { result: 'refused', rule: 'NOT-FOUND' };
  if (error instanceof TaskAlreadyCompleted) return { result: 'conflict', rule: 'TASK-DONE' };
  if (error instanceof WrongExpectedRevisionError) return { result: 'conflict', rule: 'CONCURRENCY' };
  return { result: 'error' };
}

export function outcomeOf(workflow: AnyWorkflow, command: AnyCommand, ending: Ending, started: number): CommandOutcome {
  return { workflow: workflow.name, command: command.type, ...ending, seconds: (performance.now() - started) / 1000 };
}
