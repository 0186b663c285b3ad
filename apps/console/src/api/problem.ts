/** The API's error body (apps/api/src/http/problem.ts), as far as the console reads it. */
export interface Problem {
  statusCode: number;
  error?: string;
  message: string;
  rule?: string;
  field?: string;
  /** the field in the caller's language (申请表·证件第 1 项·编号), when the API has words for it */
  fieldLabel?: string;
  issues?: Array<{ field: string; message: string }>;
  /** a duplicate refusal (ONB-DUPLICATE): what holds the company, for a link to it */
  blockedBy?: { kind: 'application' | 'customer'; id: string };
  requestId?: string;
}

/** A failed API call; `problem` is the API's own explanation (or one made up for network errors). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly kind: 'http' | 'network' = 'http',
  ) {
    super(problem.message);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.statusCode;
  }

  /** The message for one form field, so a form can show it beside the input. */
  messageFor(field: string): string | undefined {
    if (this.problem.field === field) return this.problem.message;
    return this.problem.issues?.find((i) => i.field === field)?.message;
  }
}

export function asProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && typeof (body as Problem).message === 'string') {
    return { ...(body as Problem), statusCode: (body as Problem).statusCode ?? status };
  }
  return { statusCode: status, message: typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}` };
}
