import type { StoredEvent } from '@crm/event-store';
import { customerIdFor, IDENTITY_STREAM_PREFIX } from '@crm/onboarding';
import { SURVEY_STREAM_PREFIX } from '@crm/relationship';

/**
 * Streams that mention many customers (the audit log itself) never belong to one; a company's
 * identity reservations name every application that ever held it, not only its customer's; a
 * year's satisfaction survey holds every respondent's answer.
 */
const SHARED_STREAM_PREFIXES = ['audit-log-', 'calendar-', `${IDENTITY_STREAM_PREFIX}-`, `${SURVEY_STREAM_PREFIX}-`];

/**
 * Which customer a stream belongs to, from the event that opens it (or any of its events):
 * `customer-<id>` is the archive; `onboarding-<applicationId>` becomes `customerIdFor(applicationId)`
 * (the archive approval opens); any other stream whose event carries `data.customerId` (complaints).
 * Null when the event says nothing about a customer: the projection then looks the stream up.
 */
export function customerLinkOf(event: Pick<StoredEvent, 'streamId' | 'data'>): string | null {
  const { streamId } = event;
  if (SHARED_STREAM_PREFIXES.some((p) => streamId.startsWith(p))) return null;
  if (streamId.startsWith('customer-')) return streamId.slice('customer-'.length);
  if (streamId.startsWith('onboarding-')) return customerIdFor(streamId.slice('onboarding-'.length));
  const customerId = event.data?.customerId;
  return typeof customerId === 'string' && customerId.length > 0 ? customerId : null;
}
