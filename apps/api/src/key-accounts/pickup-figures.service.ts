import { Inject, Injectable } from '@nestjs/common';
import { daysBetween, lastDayOfMonth, weeklyEvenness } from '@crm/key-accounts';
import type { ReadModelDb } from '@crm/engine';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { PICKUPS_TABLE } from '../customers/read-models/pickups.projection';
import { SALES_PLANS_TABLE } from './key-account-projections';

export interface CustomerFacts {
  customerId: string;
  name: string;
  salesObject: string;
  grade: string | null;
  customerManagerId: string;
  status: string;
  productLine: string;
}

/** Weeks of the evenness window (R-ALLOC-3): the quarter before the allocated month. */
export const EVENNESS_WEEKS = 13;

/**
 * Figures the key-account analyses read from the customer context's read models (pickups in
 * kilograms, live rows only; the customers table for class and manager). Read only.
 */
@Injectable()
export class PickupFiguresService {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb) {}

  async customers(): Promise<Map<string, CustomerFacts>> {
    const rows = await this.readModels.db
      .selectFrom(CUSTOMERS_TABLE)
      .select(['customer_id', 'name', 'sales_object', 'grade', 'customer_manager_id', 'status', 'product_line'])
      .execute();
    return new Map(
      rows.map((r: Record<string, any>) => [
        r.customer_id,
        { customerId: r.customer_id, name: r.name, salesObject: r.sales_object, grade: r.grade ?? null, customerManagerId: r.customer_manager_id, status: r.status, productLine: r.product_line },
      ]),
    );
  }

  /** kilograms per customer and month, months `from`..`to` included */
  async monthlyKg(from: string, to: string): Promise<Map<string, Record<string, number>>> {
    const rows = await this.readModels.db
      .selectFrom(PICKUPS_TABLE)
      .select(['customer_id', 'month', (eb: any) => eb.fn.sum('kg').as('kg')])
      .where('voided', '=', 0)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .groupBy(['customer_id', 'month'])
      .execute();
    const byCustomer = new Map<string, Record<string, number>>();
    for (const r of rows as Array<Record<string, any>>) {
      const series = byCustomer.get(r.customer_id) ?? {};
      series[r.month] = Number(r.kg);
      byCustomer.set(r.customer_id, series);
    }
    return byCustomer;
  }

  /** each customer's last live pickup on or before `date` */
  async lastPickupDates(date: string): Promise<Map<string, string>> {
    const rows = await this.readModels.db
      .selectFrom(PICKUPS_TABLE)
      .select(['customer_id', (eb: any) => eb.fn.max('date').as('last')])
      .where('voided', '=', 0)
      .where('date', '<=', date)
      .groupBy('customer_id')
      .execute();
    return new Map((rows as Array<Record<string, any>>).map((r) => [r.customer_id, String(r.last)]));
  }

  /** R-ALLOC-3: 1 − CV of weekly kilograms over the 13 weeks ending with `month`'s last day */
  async evenness(month: string): Promise<Map<string, number | null>> {
    const end = lastDayOfMonth(month);
    const start = new Date(Date.parse(`${end}T00:00:00Z`) - (EVENNESS_WEEKS * 7 - 1) * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.readModels.db
      .selectFrom(PICKUPS_TABLE)
      .select(['customer_id', 'date', 'kg'])
      .where('voided', '=', 0)
      .where('date', '>=', start)
      .where('date', '<=', end)
      .execute();
    const weeks = new Map<string, number[]>();
    for (const r of rows as Array<Record<string, any>>) {
      const buckets = weeks.get(r.customer_id) ?? Array<number>(EVENNESS_WEEKS).fill(0);
      buckets[Math.floor(daysBetween(r.date, end) / 7)] += Number(r.kg);
      weeks.set(r.customer_id, buckets);
    }
    return new Map([...weeks].map(([id, buckets]) => [id, weeklyEvenness(buckets)]));
  }

  /** R-TIER-7: the latest filed plan per agent for a month, in kilograms */
  async plannedKg(month: string): Promise<Map<string, number>> {
    const rows = await this.readModels.db.selectFrom(SALES_PLANS_TABLE).select(['customer_id', 'planned_kg']).where('month', '=', month).execute();
    return new Map((rows as Array<Record<string, any>>).map((r) => [r.customer_id, Number(r.planned_kg)]));
  }
}
