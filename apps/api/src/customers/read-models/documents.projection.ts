import type {
  CustomerArchiveOpened, DocumentExpiryWarned, QualificationDocumentAdded, QualificationDocumentRenewed, QualificationExpired, RenewalProofApproved, RenewalProofFiled, RenewalProofRejected,
} from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { FileReference } from '@crm/workflow-kit';
import type { Kysely } from 'kysely';
import { ensureColumns } from '../../read-models/ensure-columns';
import { alreadyApplied, bigint, customerIdOf, data, isCustomerEvent } from './projection-support';

export const DOCUMENTS_TABLE = 'customer_documents';

/** R-ARC-4: each qualification document with its validity, warning and expiry (expiring-documents report). */
export const documentsProjection: Projection = {
  name: 'customer_documents',
  // v2: the scan on file (sha-256, name, type: ADR 0018), for the console's preview and download
  // v3: the latest proof of a renewal under way (R-EVAL-1) and its decision, for the console's review of it
  version: 3,
  eventTypes: [
    'CustomerArchiveOpened', 'QualificationDocumentRenewed', 'DocumentExpiryWarned', 'QualificationExpired', 'QualificationDocumentAdded',
    'RenewalProofFiled', 'RenewalProofApproved', 'RenewalProofRejected',
  ],
  tables: [{ name: DOCUMENTS_TABLE, orderBy: 'document_key' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(DOCUMENTS_TABLE)
      .ifNotExists()
      .addColumn('document_key', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_until', 'text', (c) => c.notNull())
      .addColumn('warn_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('warned_at', 'text')
      .addColumn('expired_at', 'text')
      .addColumn('renewed_at', 'text')
      .addColumn('last_position', bigint(dialect), (c) => c.notNull())
      .execute();
    await ensureColumns(db, DOCUMENTS_TABLE, [['file_sha256', 'text'], ['file_name', 'text'], ['file_media_type', 'text'], ['renewal_proof', 'text']]);
    await db.schema.createIndex('customer_documents_customer').ifNotExists().on(DOCUMENTS_TABLE).column('customer_id').execute();
    await db.schema.createIndex('customer_documents_valid_until').ifNotExists().on(DOCUMENTS_TABLE).column('valid_until').execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(DOCUMENTS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (!isCustomerEvent(event) || !documentsProjection.eventTypes?.includes(event.type)) return;
    const customerId = customerIdOf(event);
    if (event.type === 'CustomerArchiveOpened') {
      const rows = data<CustomerArchiveOpened>(event).documents.map((doc) => ({
        document_key: `${customerId}/${doc.documentId}`, customer_id: customerId, document_id: doc.documentId, kind: doc.kind, number: doc.number,
        valid_from: doc.validFrom, valid_until: doc.validUntil, warn_at: doc.warnAt, status: 'valid', ...fileColumns(doc.file), last_position: event.position,
      }));
      if (rows.length > 0) await trx.insertInto(DOCUMENTS_TABLE).values(rows).onConflict((oc) => oc.column('document_key').doNothing()).execute();
      return;
    }
    if (event.type === 'QualificationDocumentAdded') {
      // R-ARC-1/R-ARC-4 (ADR 0024): a document added to the open archive
      const doc = data<QualificationDocumentAdded>(event);
      await trx.insertInto(DOCUMENTS_TABLE).values({
        document_key: `${customerId}/${doc.documentId}`, customer_id: customerId, document_id: doc.documentId, kind: doc.kind, number: doc.number,
        valid_from: doc.validFrom, valid_until: doc.validUntil, warn_at: doc.warnAt, status: 'valid', ...fileColumns(doc.file), last_position: event.position,
      }).onConflict((oc) => oc.column('document_key').doNothing()).execute();
      return;
    }
    const key = `${customerId}/${String(event.data.documentId)}`;
    const row = await trx.selectFrom(DOCUMENTS_TABLE).select(['last_position', 'renewal_proof']).where('document_key', '=', key).executeTakeFirst();
    if (!row || alreadyApplied(row, event)) return;
    await trx.updateTable(DOCUMENTS_TABLE).set({ ...patchOf(event, row), last_position: event.position }).where('document_key', '=', key).execute();
  },
};

/** A renewal without a scan leaves none on file: the old scan shows the old validity. */
const fileColumns = (file: FileReference | undefined) => ({ file_sha256: file?.sha256 ?? null, file_name: file?.name ?? null, file_media_type: file?.mediaType ?? null });

const proofOf = (row: { renewal_proof?: string | null }): Record<string, unknown> => (row.renewal_proof ? JSON.parse(row.renewal_proof) : {});

function patchOf(event: StoredEvent, row: { renewal_proof?: string | null }): Record<string, unknown> {
  if (event.type === 'QualificationDocumentRenewed') {
    const d = data<QualificationDocumentRenewed>(event);
    return { number: d.number, valid_from: d.validFrom, valid_until: d.validUntil, warn_at: d.warnAt, status: 'valid', warned_at: null, expired_at: null, renewed_at: d.renewedAt, ...fileColumns(d.file) };
  }
  if (event.type === 'DocumentExpiryWarned') return { warned_at: data<DocumentExpiryWarned>(event).warnedAt };
  if (event.type === 'RenewalProofFiled') {
    const { documentId: _d, maxGraceDays: _m, ...proof } = data<RenewalProofFiled>(event);
    return { renewal_proof: JSON.stringify({ ...proof, status: 'pending' }) };
  }
  if (event.type === 'RenewalProofApproved') {
    const d = data<RenewalProofApproved>(event);
    return { renewal_proof: JSON.stringify({ ...proofOf(row), status: 'approved', graceUntil: d.graceUntil, comment: d.comment, decidedBy: d.approvedBy, decidedAt: d.approvedAt }) };
  }
  if (event.type === 'RenewalProofRejected') {
    const d = data<RenewalProofRejected>(event);
    return { renewal_proof: JSON.stringify({ ...proofOf(row), status: 'rejected', comment: d.comment, decidedBy: d.rejectedBy, decidedAt: d.rejectedAt }) };
  }
  return { status: 'expired', expired_at: data<QualificationExpired>(event).expiredAt };
}
