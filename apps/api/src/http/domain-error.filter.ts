import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { CalendarDataError, CalendarInputError } from '@crm/calendar';
import { TaskAlreadyCompleted } from '@crm/engine';
import { EventStoreUnavailableError, InvalidAppendError, WrongExpectedRevisionError } from '@crm/event-store';
import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, WorkflowNotFound } from '@crm/workflow-kit';
import type { Request, Response } from 'express';
import type { Problem } from './problem';
import { sendProblem } from './send-problem';

/** Maps the port's and the domain's own errors onto HTTP, in one place. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    return typeof body === 'object'
      ? ({ statusCode: error.getStatus(), ...(body as object) } as Problem)
      : { statusCode: error.getStatus(), error: error.name, message: String(body) };
  }
  if (error instanceof DomainRuleViolation) {
    const schema = error.ruleId === 'SCHEMA' || error.ruleId === 'COMMAND';
    return {
      ...error.details,
      statusCode: schema ? 400 : 422,
      error: schema ? 'Bad Request' : 'Unprocessable Entity',
      message: error.message,
      rule: error.ruleId,
      field: error.field,
    };
  }
  if (error instanceof TaskAlreadyCompleted) {
    const c = error.completion;
    return {
      statusCode: 409, error: 'Conflict', message: error.message, rule: 'TASK-DONE', taskId: c.taskId, taskType: c.taskType, step: error.step,
      completedBy: c.by, completedByName: c.byName, onBehalfOf: c.onBehalfOf, command: c.commandType, events: c.eventTypes, completedAt: c.at,
    };
  }
  if (error instanceof TransitionNotAllowed) {
    return { statusCode: 409, error: 'Conflict', message: error.message, rule: 'STATE', state: error.state, event: error.eventType };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return {
      statusCode: 409,
      error: 'Conflict',
      message: `${error.streamId} was changed by someone else (expected revision ${String(error.expected)}, actual ${error.actual}); reload and retry`,
      rule: 'CONCURRENCY',
      expectedRevision: error.expected,
      actualRevision: error.actual,
    };
  }
  if (error instanceof NotPermitted) return { statusCode: 403, error: 'Forbidden', message: error.message, rule: error.ruleId };
  if (error instanceof WorkflowNotFound) return { statusCode: 404, error: 'Not Found', message: error.message, rule: 'NOT-FOUND' };
  if (error instanceof InvalidAppendError) return { statusCode: 400, error: 'Bad Request', message: error.message, field: error.field };
  if (error instanceof CalendarInputError) return { statusCode: 400, error: 'Bad Request', message: error.message, rule: 'CALENDAR' };
  if (error instanceof CalendarDataError) {
    return { statusCode: 422, error: 'Unprocessable Entity', message: error.message, rule: 'CALENDAR', issues: error.issues.map((m) => ({ field: 'body', message: m })) };
  }
  if (error instanceof EventStoreUnavailableError) return { statusCode: 503, error: 'Service Unavailable', message: error.message };
  return { statusCode: 500, error: 'Internal Server Error', message: 'unexpected error; see the server log with this request id' };
}

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const problem = toProblem(error);
    if (problem.statusCode >= 500) {
      // the logger adds the request id; the path is logged without its query (it may carry access_token)
      const err = error instanceof Error ? error : new Error(String(error));
      this.logger.error({ msg: `${request.method} ${request.path} failed: ${err.message}`, method: request.method, path: request.path, err });
    }
    sendProblem(request, response, problem);
  }
}
