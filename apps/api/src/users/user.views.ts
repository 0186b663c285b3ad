import type { StoredEvent } from '@crm/event-store';
import type { User } from '../auth/user.state';

/** A users-table row as the API shows it. */
export function userRowView(row: Record<string, any>) {
  return {
    username: row.username as string,
    name: row.name as string,
    roles: JSON.parse(row.roles) as string[],
    disabled: Boolean(row.disabled),
    createdAt: row.created_at as string,
    createdBy: row.created_by as string,
    changedAt: row.changed_at as string,
    changedBy: row.changed_by as string,
    tokensValidAfter: (row.tokens_valid_after as string | null) ?? null,
  };
}

/**
 * One user from their stream, with the history of access changes (who granted what, when).
 * Password hashes and signed-out token ids are never shown.
 */
export function userDetailView(user: User, events: readonly StoredEvent[]) {
  return {
    username: user.id,
    name: user.name,
    roles: user.roles,
    disabled: user.disabled,
    revision: user.revision,
    tokensValidAfter: user.tokensValidAfter,
    history: events.filter((e) => e.type !== 'UserTokenRevoked').map(historyEntry),
  };
}

function historyEntry(event: StoredEvent) {
  const data = event.data as Record<string, unknown>;
  const details: Record<string, unknown> = {};
  for (const key of ['roles', 'previousRoles', 'reason', 'name']) if (data[key] !== undefined) details[key] = data[key];
  return { type: event.type, at: event.metadata.occurredAt, by: event.metadata.actor, revision: event.revision, position: event.position, ...details };
}
