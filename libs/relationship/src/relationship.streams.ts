/**
 * Stream prefixes other contexts need to know. A survey stream names every customer who answered
 * (`data.customerId` on each response), so it belongs to no single customer: the audit treats it
 * as shared.
 */
export const SURVEY_STREAM_PREFIX = 'satisfaction-survey';
export const FORUM_STREAM_PREFIX = 'forum';
