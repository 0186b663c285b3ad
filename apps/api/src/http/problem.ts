/** The one error body every 4xx/5xx answer has: what failed, which field, which rule. */
export interface Problem {
  statusCode: number;
  error: string;
  message: string;
  /** rule id from domain.md (R-…) or a technical rule name (SCHEMA, CONFLICT…) */
  rule?: string;
  /** the request field at fault, as a dotted path (body.identifiers.creditCode) */
  field?: string;
  issues?: Array<{ field: string; message: string }>;
  requestId?: string;
  [extra: string]: unknown;
}
