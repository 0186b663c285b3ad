/** A business rule refused the command. `ruleId` cites domain.md (R-…); maps to HTTP 422. */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  constructor(
    readonly ruleId: string,
    message: string,
    /** the command field at fault, when there is one */
    readonly field?: string,
    /** facts a screen acts on (the application that blocks a duplicate), sent beside the message */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(`${ruleId}: ${message}`);
  }
}

/** The workflow's machine does not allow this in its current state; maps to HTTP 409. */
export class TransitionNotAllowed extends Error {
  override readonly name = 'TransitionNotAllowed';
  constructor(
    readonly workflow: string,
    readonly state: string,
    readonly eventType: string,
  ) {
    super(`${workflow}: ${eventType} is not allowed in state "${state}"`);
  }
}

/** The actor's roles do not permit the command at this step; maps to HTTP 403. */
export class NotPermitted extends Error {
  override readonly name = 'NotPermitted';
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(`${ruleId}: ${message}`);
  }
}

/** The workflow instance does not exist; maps to HTTP 404. */
export class WorkflowNotFound extends Error {
  override readonly name = 'WorkflowNotFound';
  constructor(readonly streamId: string) {
    super(`${streamId} does not exist`);
  }
}
