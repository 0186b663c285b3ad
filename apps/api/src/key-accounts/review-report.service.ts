import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { ALLOCATION_ORDER, monthRange, type AllocationLine } from '@crm/key-accounts';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { GRADE_HISTORY_TABLE } from '../customers/read-models/grade-history.projection';
import { ALLOCATIONS_TABLE, SIGNALS_TABLE } from './key-account-projections';
import type { AllocationRow } from './allocations.projection';
import { periodMonths } from './key-accounts.bodies';
import { KeyAccountService } from './key-account.service';

const tonnes = (kg: number) => Math.round(kg) / 1000;

/**
 * R-EVAL-2: the quarterly / half-yearly / yearly review per customer class — volume (and ABC class
 * over the period), grade changes, key-account warnings and loyalty changes, and the approved
 * allocations of the period's months.
 */
@Injectable()
export class ReviewReportService {
  constructor(
    private readonly keyAccounts: KeyAccountService,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
  ) {}

  async report(period: string) {
    const { from, to } = periodMonths(period);
    const db = this.readModels.db;
    const [abc, grades, signals, allocations] = await Promise.all([
      this.keyAccounts.abc(from, to, { a: 0.8, b: 0.95 }),
      db.selectFrom(GRADE_HISTORY_TABLE).select(['customer_id', 'month', 'previous_grade', 'new_grade', 'kind']).where('kind', '=', 'changed').where('month', '>=', from).where('month', '<=', to).orderBy('position').execute(),
      db.selectFrom(SIGNALS_TABLE).select(['customer_id', 'month', 'kind', 'detail']).where('month', '>=', from).where('month', '<=', to).orderBy('position').execute(),
      db.selectFrom(ALLOCATIONS_TABLE).select(['month', 'approved_lines']).where('approved_lines', 'is not', null).where('month', '>=', from).where('month', '<=', to).orderBy('allocation_id').execute() as Promise<Array<Pick<AllocationRow, 'month' | 'approved_lines'>>>,
    ]);
    const classOf = new Map(abc.customers.map((c) => [c.customerId, c.salesObject]));
    const approvedLines = allocations.flatMap((a) => (JSON.parse(a.approved_lines ?? '[]') as AllocationLine[]).map((l) => ({ month: a.month, ...l })));
    const classes = ALLOCATION_ORDER.map((salesObject) => {
      const members = abc.customers.filter((c) => c.salesObject === salesObject);
      const ids = new Set(members.map((c) => c.customerId));
      const mine = <T extends { customer_id: string }>(rows: T[]) => rows.filter((r) => ids.has(r.customer_id));
      const gradeChanges = mine(grades as Array<Record<string, any> & { customer_id: string }>);
      const classSignals = mine(signals as Array<Record<string, any> & { customer_id: string }>);
      const lines = approvedLines.filter((l) => l.salesObject === salesObject);
      return {
        salesObject,
        customers: members.length,
        tonnes: members.reduce((s, c) => s + c.tonnes * 1000, 0) / 1000,
        abc: { A: members.filter((c) => c.abcClass === 'A').length, B: members.filter((c) => c.abcClass === 'B').length, C: members.filter((c) => c.abcClass === 'C').length },
        gradeChanges: gradeChanges.map((g) => ({ customerId: g.customer_id, month: g.month, previousGrade: g.previous_grade, newGrade: g.new_grade })),
        warnings: {
          raised: classSignals.filter((s) => s.kind === 'warning_raised').map((s) => ({ customerId: s.customer_id, month: s.month, reasons: JSON.parse(s.detail).reasons })),
          cleared: classSignals.filter((s) => s.kind === 'warning_cleared').map((s) => ({ customerId: s.customer_id, month: s.month })),
        },
        loyaltyChanges: classSignals
          .filter((s) => s.kind === 'level_changed')
          .map((s) => ({ customerId: s.customer_id, month: s.month, previousLevel: JSON.parse(s.detail).previousLevel, newLevel: JSON.parse(s.detail).newLevel })),
        allocation: {
          months: [...new Set(lines.map((l) => l.month))],
          demandTonnes: tonnes(lines.reduce((s, l) => s + l.kg, 0)),
          allocatedTonnes: tonnes(lines.reduce((s, l) => s + l.allocatedKg, 0)),
        },
      };
    });
    return { period, from, to, months: monthRange(from, to).length, basis: abc.basis, classes, customers: abc.customers.map((c) => ({ ...c, salesObject: classOf.get(c.customerId) })) };
  }
}
