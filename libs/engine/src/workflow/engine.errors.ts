/** A workflow name nobody registered (a timer row or an API route naming an unknown workflow). */
export class UnknownWorkflowError extends Error {
  override readonly name = 'UnknownWorkflowError';
  constructor(readonly workflow: string) {
    super(`no workflow named "${workflow}" is registered`);
  }
}

/** A decider produced an event its own schema refuses: a programming error, never the caller's (500). */
export class EventSchemaViolation extends Error {
  override readonly name = 'EventSchemaViolation';
  constructor(
    readonly workflow: string,
    readonly eventType: string,
    detail: string,
  ) {
    super(`${workflow}: event ${eventType} does not match its schema: ${detail}`);
  }
}
