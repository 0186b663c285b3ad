import { Logger } from '@nestjs/common';
import type { CommandObserver } from '@crm/engine';
import type { Metrics } from '../metrics/metrics.port';

const logger = new Logger('commands');

/**
 * Every command the engine ran, HTTP or not (timers, reactors, imports): counted, and a refusal
 * logged with its command type and rule (the request id comes from the request context). Never
 * the command's data: it carries names, credit codes, comments.
 */
export function commandObserver(metrics: Metrics): CommandObserver {
  return (outcome) => {
    metrics.command(outcome);
    if (outcome.result === 'accepted' || outcome.result === 'replayed') return;
    const line = { msg: `command ${outcome.result}`, workflow: outcome.workflow, command: outcome.command, result: outcome.result, rule: outcome.rule };
    if (outcome.result === 'error') logger.warn(line);
    else logger.log(line);
  };
}
