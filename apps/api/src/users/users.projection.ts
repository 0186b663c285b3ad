import type { Projection } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { SECURITY_CHANGES, USER_STREAM_PREFIX } from '../auth/user.events';

export const USERS_PROJECTION = 'users';
export const USERS_TABLE = 'users';

/**
 * One row per user for GET /users: who they are, their roles, whether disabled, who changed them
 * last and when. No password hash: that stays in the user's stream. Idempotent: each row keeps
 * the position it was last updated from, and older or equal positions are skipped.
 */
export function usersProjection(): Projection {
  return {
    name: USERS_PROJECTION,
    version: 1,
    eventTypes: ['UserRegistered', ...SECURITY_CHANGES, 'UserEnabled'],
    tables: [{ name: USERS_TABLE, orderBy: 'username' }],
    async migrate(db) {
      await db.schema
        .createTable(USERS_TABLE)
        .ifNotExists()
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('tokens_valid_after', 'text')
        .addColumn('position', 'bigint', (c) => c.notNull())
        .execute();
    },
    async reset(trx) {
      await trx.deleteFrom(USERS_TABLE).execute();
    },
    async apply(event, trx) {
      if (!event.streamId.startsWith(USER_STREAM_PREFIX)) return;
      if (event.type === 'UserRegistered') return registered(event, trx);
      return changed(event, trx);
    },
  };
}

async function registered(event: StoredEvent, trx: Kysely<any>): Promise<void> {
  const data = event.data as { username: string; name: string; roles: string[] };
  const { occurredAt: at, actor: by } = event.metadata;
  await trx
    .insertInto(USERS_TABLE)
    .values({
      username: data.username, name: data.name, roles: JSON.stringify(data.roles), disabled: 0,
      created_at: at, created_by: by, changed_at: at, changed_by: by, tokens_valid_after: null, position: event.position,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
}

async function changed(event: StoredEvent, trx: Kysely<any>): Promise<void> {
  const data = event.data as { roles?: string[] };
  const { occurredAt: at, actor: by } = event.metadata;
  const set: Record<string, unknown> = { changed_at: at, changed_by: by, position: event.position };
  // re-enabling lets the person sign in; it does not make earlier tokens good again
  if (SECURITY_CHANGES.has(event.type)) set.tokens_valid_after = at;
  if (event.type === 'UserRolesChanged') set.roles = JSON.stringify(data.roles ?? []);
  if (event.type === 'UserDisabled') set.disabled = 1;
  if (event.type === 'UserEnabled') set.disabled = 0;
  await trx
    .updateTable(USERS_TABLE)
    .set(set)
    .where('username', '=', event.streamId.slice(USER_STREAM_PREFIX.length))
    .where('position', '<', event.position)
    .execute();
}
