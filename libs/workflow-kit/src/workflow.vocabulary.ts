import type { Wording } from './wording';

/**
 * How a workflow's facts read to people: the audit timeline, the exports and the console show
 * these instead of `ComplaintClassified` or `review.generalManager`. Keyed by the workflow's own
 * event types, so an event added without its wording does not compile; states are checked by a
 * test that walks every machine (apps/api/test/audit/vocabulary.spec.ts).
 */
export interface WorkflowVocabulary<TEventType extends string = string> {
  title: Wording;
  events: { readonly [K in TEventType]: Wording };
  /** by dotted state path, e.g. 'review.sales' */
  states: Readonly<Record<string, Wording>>;
}
