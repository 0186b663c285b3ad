import type { CustomerArchiveOpened, CustomerGradeChanged, GradeMoveHeld, GradeMoveLapsed, GradeMoveProposed, MonthReevaluated } from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import { ensureColumns } from '../../read-models/ensure-columns';
import { bigint, customerIdOf, data, isCustomerEvent } from './projection-support';

export const GRADE_HISTORY_TABLE = 'customer_grade_history';

/**
 * R-TIER-2/4: one row per grade fact with its evidence: the opening grade (`opened`), every grade
 * change (`changed`), and every late re-run of an evaluated month (`reevaluated`: awarded vs re-run
 * grade, the difference the sales department weighs), and under the review step (ADR 0023) every
 * proposed move (`proposed`), held one (`held`, cause = the indicator) and lapsed one (`lapsed`).
 * A reviewed change and a hold name who decided (`decided_by`, the review's `by`).
 * Rows are keyed by event id: append-only.
 */
export const gradeHistoryProjection: Projection = {
  name: 'customer_grade_history',
  version: 3,
  eventTypes: ['CustomerArchiveOpened', 'CustomerGradeChanged', 'MonthReevaluated', 'GradeMoveProposed', 'GradeMoveHeld', 'GradeMoveLapsed'],
  tables: [{ name: GRADE_HISTORY_TABLE, orderBy: 'event_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(GRADE_HISTORY_TABLE)
      .ifNotExists()
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('position', bigint(dialect), (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('month', 'text')
      .addColumn('tonnage', 'double precision')
      .addColumn('band', 'text')
      .addColumn('previous_grade', 'text')
      .addColumn('new_grade', 'text')
      .addColumn('cause', 'text')
      .addColumn('rule_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .execute();
    await ensureColumns(db, GRADE_HISTORY_TABLE, [['decided_by', 'text']]);
    await db.schema.createIndex('customer_grade_history_customer').ifNotExists().on(GRADE_HISTORY_TABLE).columns(['customer_id', 'position']).execute();
    await db.schema.createIndex('customer_grade_history_month').ifNotExists().on(GRADE_HISTORY_TABLE).columns(['month', 'kind']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(GRADE_HISTORY_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (!isCustomerEvent(event) || !gradeHistoryProjection.eventTypes?.includes(event.type)) return;
    const row = rowOf(event);
    if (!row) return;
    const keys = { event_id: event.id, customer_id: customerIdOf(event), position: event.position };
    await trx.insertInto(GRADE_HISTORY_TABLE).values({ ...keys, ...row }).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  },
};

/** A stored row: what `rowOf` writes, with its keys; PostgreSQL answers bigint and numeric columns as strings. */
export type GradeHistoryRow = Omit<NonNullable<ReturnType<typeof rowOf>>, 'tonnage'> & {
  event_id: string; customer_id: string; position: number | string; tonnage: number | string | null; decided_by?: string | null;
};

function rowOf(event: StoredEvent) {
  if (event.type === 'CustomerArchiveOpened') {
    const d = data<CustomerArchiveOpened>(event);
    if (d.grade === null) return null;
    return { kind: 'opened', month: null, tonnage: null, band: null, previous_grade: null, new_grade: d.grade, cause: 'opened', rule_id: 'R-TIER-2', at: d.openedAt };
  }
  if (event.type === 'CustomerGradeChanged') {
    const d = data<CustomerGradeChanged>(event);
    return { kind: 'changed', month: d.month, tonnage: d.tonnage, band: d.band, previous_grade: d.previousGrade, new_grade: d.newGrade, cause: d.cause, rule_id: d.ruleId, at: d.changedAt, decided_by: d.review?.by ?? null };
  }
  if (event.type === 'GradeMoveProposed') {
    const d = data<GradeMoveProposed>(event);
    return { kind: 'proposed', month: d.month, tonnage: d.tonnage, band: d.band, previous_grade: d.currentGrade, new_grade: d.proposedGrade, cause: d.basis, rule_id: d.ruleId, at: d.proposedAt };
  }
  if (event.type === 'GradeMoveHeld') {
    const d = data<GradeMoveHeld>(event);
    return { kind: 'held', month: d.month, tonnage: null, band: null, previous_grade: d.currentGrade, new_grade: d.proposedGrade, cause: d.review.indicator, rule_id: 'R-TIER-4', at: d.heldAt, decided_by: d.review.by };
  }
  if (event.type === 'GradeMoveLapsed') {
    const d = data<GradeMoveLapsed>(event);
    return { kind: 'lapsed', month: d.month, tonnage: null, band: null, previous_grade: null, new_grade: d.proposedGrade, cause: `superseded_by:${d.supersededBy}`, rule_id: 'R-TIER-4', at: d.lapsedAt };
  }
  const d = data<MonthReevaluated>(event);
  return {
    kind: 'reevaluated', month: d.month, tonnage: d.tonnage, band: d.band, previous_grade: d.awardedGrade, new_grade: d.reevaluatedGrade,
    cause: d.latestMonth ? 'latest_month' : 'earlier_month', rule_id: 'R-TIER-4', at: d.reevaluatedAt,
  };
}
