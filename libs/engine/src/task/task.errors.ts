import type { TaskCompleted } from './task.events';

/**
 * The step a command aims at was already completed (issue 15): the loser of a race, or a stale
 * screen, learns who completed it, how and when instead of a bare refusal. Maps to HTTP 409.
 */
export class TaskAlreadyCompleted extends Error {
  override readonly name = 'TaskAlreadyCompleted';
  constructor(
    readonly step: string,
    readonly completion: TaskCompleted,
  ) {
    const who = completion.onBehalfOf ? `${completion.by} (for ${completion.onBehalfOf})` : completion.by;
    super(`TASK-DONE: the ${step} step was already completed by ${who} with ${completion.commandType} at ${completion.at}`);
  }
}
