import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const FORUMS_TABLE = 'customer_forums';
export const FORUMS_PROJECTION = 'customer_forums';

/** R-FORUM-1: one row per filed forum, for forums per year and the years without one. */
export const customerForumsProjection: Projection = {
  name: FORUMS_PROJECTION,
  version: 1,
  eventTypes: ['ForumMinutesFiled'],
  tables: [{ name: FORUMS_TABLE, orderBy: 'forum_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(FORUMS_TABLE)
      .ifNotExists()
      .addColumn('forum_id', 'text', (c) => c.primaryKey())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('attendee_count', 'integer', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .addColumn('position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customer_forums_held_on').ifNotExists().on(FORUMS_TABLE).column('held_on').execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(FORUMS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Record<string, any>;
    await trx
      .insertInto(FORUMS_TABLE)
      .values({
        forum_id: d.forumId, held_on: d.heldOn, year: d.year, title: d.title, attendee_count: d.attendees.length,
        topics: JSON.stringify(d.topics), filed_by: d.by, filed_at: d.at, position: event.position,
      })
      .onConflict((oc) => oc.column('forum_id').doNothing())
      .execute();
  },
};
