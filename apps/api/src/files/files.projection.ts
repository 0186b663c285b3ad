import { customerLinkOf } from '@crm/audit';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { findFileReferences } from '@crm/workflow-kit';
import type { Kysely } from 'kysely';
import { FILE_STREAM_PREFIX } from './file-upload.events';

export const FILE_REFERENCES_TABLE = 'file_references';
export const FILES_PROJECTION = 'file_references';

/**
 * Which events name which file (by sha-256), and the customer each belongs to: who may download a
 * file follows the records that reference it (R-KAM-2), and the audit names the events of an
 * altered file from here. Every event type is read: a reference is found by its shape, wherever
 * it sits in the data. Uploads (`file-<sha256>` streams) are rows too, with no customer.
 */
export const filesProjection: Projection = {
  name: FILES_PROJECTION,
  version: 1,
  tables: [{ name: FILE_REFERENCES_TABLE, orderBy: 'ref_key' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.createTable(FILE_REFERENCES_TABLE).ifNotExists()
      .addColumn('ref_key', 'text', (c) => c.primaryKey()).addColumn('event_id', 'text', (c) => c.notNull()).addColumn('path', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull()).addColumn('name', 'text', (c) => c.notNull()).addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', big, (c) => c.notNull()).addColumn('customer_id', 'text').addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull()).addColumn('actor', 'text').addColumn('position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('file_references_sha256').ifNotExists().on(FILE_REFERENCES_TABLE).columns(['sha256', 'position']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(FILE_REFERENCES_TABLE).execute();
  },
  async apply(stored: StoredEvent, trx: Kysely<any>) {
    const found = findFileReferences(stored.data);
    if (found.length === 0) return;
    const upload = stored.streamId.startsWith(`${FILE_STREAM_PREFIX}-`);
    const customerId = upload ? null : customerLinkOf(stored);
    const rows = found.map(({ path, file }) => ({
      ref_key: `${stored.id}:${path}`, event_id: stored.id, path, sha256: file.sha256, name: file.name, media_type: file.mediaType, size: file.size,
      customer_id: customerId, stream_id: stored.streamId, event_type: stored.type, actor: stored.metadata.actor ?? null, position: stored.position,
    }));
    await trx.insertInto(FILE_REFERENCES_TABLE).values(rows).onConflict((oc) => oc.column('ref_key').doNothing()).execute();
  },
};
