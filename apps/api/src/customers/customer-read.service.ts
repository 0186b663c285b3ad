import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { sql } from 'kysely';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import type { CustomerListQuery } from './customers.bodies';
import { CUSTOMERS_TABLE } from './read-models/customers.projection';
import { DOCUMENTS_TABLE } from './read-models/documents.projection';
import { GRADE_HISTORY_TABLE, type GradeHistoryRow } from './read-models/grade-history.projection';
import { PICKUPS_TABLE } from './read-models/pickups.projection';

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function customerView(r: Record<string, any>) {
  return {
    customerId: r.customer_id,
    name: r.name,
    productLine: r.product_line,
    class: { salesObject: r.sales_object, salesForm: r.sales_form },
    grade: r.grade,
    customerManagerId: r.customer_manager_id,
    region: r.region,
    status: r.status,
    suspendedSince: r.suspended_since,
    disqualifiedAt: r.disqualified_at,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
  };
}

export const documentView = (r: Record<string, any>) => ({
  documentId: r.document_id, kind: r.kind, number: r.number, validFrom: r.valid_from, validUntil: r.valid_until,
  warnAt: r.warn_at, status: r.status, warnedAt: r.warned_at, expiredAt: r.expired_at, renewedAt: r.renewed_at,
  file: r.file_sha256 ? { sha256: r.file_sha256, name: r.file_name, mediaType: r.file_media_type } : null,
  // R-EVAL-1: the latest proof of a renewal under way, pending or decided
  renewalProof: json(r.renewal_proof ?? null),
});

export const gradeFactView = (r: GradeHistoryRow) => ({
  kind: r.kind, month: r.month, tonnage: r.tonnage === null ? null : Number(r.tonnage), band: r.band,
  previousGrade: r.previous_grade, newGrade: r.new_grade, cause: r.cause, ruleId: r.rule_id, at: r.at, position: Number(r.position),
});

const REVIEW_KINDS = new Set(['proposed', 'held', 'lapsed']);

/** Queries over the customer read models; access scoping (R-KAM-2) is the caller's. */
@Injectable()
export class CustomerReadService {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb) {}

  async list(query: CustomerListQuery, managerScope: string | null) {
    let q = this.readModels.db.selectFrom(CUSTOMERS_TABLE);
    const manager = managerScope ?? query.manager;
    if (manager) q = q.where('customer_manager_id', '=', manager);
    if (query.grade) q = q.where('grade', '=', query.grade);
    if (query.class) q = q.where('sales_object', '=', query.class);
    if (query.salesForm) q = q.where('sales_form', '=', query.salesForm);
    if (query.productLine) q = q.where('product_line', '=', query.productLine);
    if (query.region) q = q.where('region', '=', query.region);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.q) {
      // the name and the identifiers' JSON hold the codes; LIKE's wildcards in the text are taken literally
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`(lower(name) like lower(${like}) escape '\\' or lower(identifiers) like lower(${like}) escape '\\')`);
    }
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('customer_id').limit(query.limit).offset(query.offset).execute();
    // the identifiers go along: a picker shows the credit code next to the name (ADR 0034)
    return { total: Number(total.n), limit: query.limit, offset: query.offset, items: rows.map((r) => ({ ...customerView(r), identifiers: json(r.identifiers) })) };
  }

  async row(customerId: string): Promise<Record<string, any>> {
    const row = await this.readModels.db.selectFrom(CUSTOMERS_TABLE).selectAll().where('customer_id', '=', customerId).executeTakeFirst();
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no customer ${customerId}` });
    return row;
  }

  async detail(row: Record<string, any>) {
    const db = this.readModels.db;
    const id = row.customer_id as string;
    const documents = await db.selectFrom(DOCUMENTS_TABLE).selectAll().where('customer_id', '=', id).orderBy('document_id').execute();
    // the read models' database is untyped (Kysely<any>): the rows are what the projection writes
    const grades = (await db.selectFrom(GRADE_HISTORY_TABLE).selectAll().where('customer_id', '=', id).orderBy('position').execute()) as GradeHistoryRow[];
    const months = await db
      .selectFrom(PICKUPS_TABLE)
      .select((eb) => ['month', eb.fn.sum<number>(eb.case().when('voided', '=', 0).then(eb.ref('kg')).else(0).end()).as('kg'), eb.fn.countAll<number>().as('n')])
      .where('customer_id', '=', id)
      .groupBy('month')
      .orderBy('month')
      .execute();
    return {
      ...customerView(row),
      applicationId: row.application_id,
      identifiers: json(row.identifiers),
      invoicing: json(row.invoicing),
      contacts: json(row.contacts),
      pendingDisqualification: json(row.pending_disqualification),
      disqualification: json(row.disqualification),
      // R-ARC-1 (ADR 0024): the latest rename / credit-code change, pending or decided
      identityChange: json(row.identity_change ?? null),
      documents: documents.map(documentView),
      gradeHistory: grades.filter((g) => !REVIEW_KINDS.has(String(g.kind))).map(gradeFactView),
      // R-TIER-4 (ADR 0023): proposals, holds and lapses, apart so the grade's own history stays what set it
      gradeReviews: grades.filter((g) => REVIEW_KINDS.has(String(g.kind))).map(gradeFactView),
      monthlyTonnage: months.map((m) => ({ month: m.month, tonnes: Number(m.kg) / 1000, pickups: Number(m.n) })),
    };
  }

  /**
   * R-TIER-1: the company's other registrations (one per product line), as far as the caller may
   * see them (R-KAM-2: a manager sees their own); `hidden` counts the ones they may not.
   */
  async registrations(customerId: string, identityKey: string | null, managerScope: string | null) {
    if (!identityKey) return { items: [], hidden: 0 };
    const rows = await this.readModels.db
      .selectFrom(CUSTOMERS_TABLE).selectAll()
      .where('identity_key', '=', identityKey).where('customer_id', '!=', customerId)
      .orderBy('product_line').orderBy('customer_id').execute();
    const visible = rows.filter((r) => managerScope === null || r.customer_manager_id === managerScope);
    return { items: visible.map(customerView), hidden: rows.length - visible.length };
  }

  async pickups(customerId: string) {
    const rows = await this.readModels.db.selectFrom(PICKUPS_TABLE).selectAll().where('customer_id', '=', customerId).orderBy('date').orderBy('pickup_id').execute();
    return rows.map((r) => ({
      pickupId: r.pickup_id, date: r.date, product: r.product, warehouse: r.warehouse, tonnes: Number(r.kg) / 1000, voided: Number(r.voided) === 1,
      recordedAt: r.recorded_at, changedAt: r.changed_at,
    }));
  }
}
