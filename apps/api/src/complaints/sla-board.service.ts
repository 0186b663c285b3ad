import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { sql } from 'kysely';
import { CalendarService } from '../calendar/calendar.service';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { COMPLAINTS_TABLE } from './complaints.projection';
import { complaintRowOf } from './complaint-rows';
import { companyNames } from '../customers/read-models/customer-names';

/** Department of a complaint nobody has drafted for yet. */
export const UNASSIGNED = 'unassigned';

interface StatsCell {
  month: string;
  class: string;
  department: string;
  classified: number;
  breached: number;
  breachRate: number;
}

/** The supervisors' SLA board: what is about to run out, what has, and how often per class and department. */
@Injectable()
export class SlaBoardService {
  private readonly logger = new Logger('sla-board');

  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: CalendarService,
  ) {}

  async board(limit: number) {
    const now = this.clock.now().toISOString();
    const calendar = await this.calendars.current();
    // working time left only grows with the due instant, so the most urgent rows are the earliest
    // due: the index (status, due_at) gives them without counting working time for every open complaint
    const open = await this.readModels.db
      .selectFrom(COMPLAINTS_TABLE)
      .selectAll()
      .where('status', '=', 'open')
      .orderBy(sql`due_at is null`, 'desc')
      .orderBy('due_at')
      .orderBy('complaint_id')
      .limit(limit)
      .execute();
    const withLeft = open.map((r) => this.timeLeft(calendar, now, r));
    // a row whose time left cannot be computed goes first: it needs a person's eyes more than any other
    withLeft.sort((a, b) => (a.workingTimeLeftMs ?? -Infinity) - (b.workingTimeLeftMs ?? -Infinity) || a.complaintId.localeCompare(b.complaintId));
    const breached = await this.readModels.db
      .selectFrom(COMPLAINTS_TABLE)
      .selectAll()
      .where('breach_count', '>', 0)
      .orderBy('last_breach_at', 'desc')
      .orderBy('complaint_id')
      .limit(limit)
      .execute();
    const breachedRows = breached.map((r) => ({ ...complaintRowOf(r), lastBreachAt: r.last_breach_at as string }));
    // one names query for both lists
    const names = await companyNames(this.readModels, [...withLeft, ...breachedRows].map((r) => r.customerId));
    const named = <T extends { customerId: string }>(r: T) => ({ ...r, customerName: names.get(r.customerId)?.name ?? null });
    return { now, open: withLeft.map(named), breached: breachedRows.map(named) };
  }

  /**
   * Each row on its own: one complaint whose due instant the calendar cannot count to (a receipt
   * in 1970 stored before receipts were bounded) is shown with its error, and the board still answers.
   */
  private timeLeft(calendar: Awaited<ReturnType<CalendarService['current']>>, now: string, r: Record<string, any>) {
    const row = complaintRowOf(r);
    try {
      const left = calendar.workingTimeBetween(now, r.due_at as string);
      return { ...row, workingTimeLeftMs: left.ms as number | null, workingHoursLeft: Math.round((left.ms / 3_600_000) * 100) / 100, leftProvisional: left.provisional, error: null as string | null };
    } catch (error) {
      this.logger.warn(`SLA board: time left of ${row.complaintId} cannot be computed: ${(error as Error).message}`);
      return { ...row, workingTimeLeftMs: null, workingHoursLeft: null, leftProvisional: true, error: (error as Error).message };
    }
  }

  /** Breach rate = complaints with a breach on record / classified complaints, by month of receipt (Beijing time). */
  async stats(from: string, to: string) {
    const rows = await this.readModels.db
      .selectFrom(COMPLAINTS_TABLE)
      .select(['received_month', 'class', 'department', 'breach_count'])
      .where('received_month', '>=', from)
      .where('received_month', '<=', to)
      .where('class', 'is not', null)
      .execute();
    const cells = new Map<string, StatsCell>();
    for (const r of rows) {
      const department = (r.department as string | null) ?? UNASSIGNED;
      const key = `${r.received_month}|${r.class}|${department}`;
      const cell = cells.get(key) ?? { month: r.received_month, class: r.class, department, classified: 0, breached: 0, breachRate: 0 };
      cell.classified += 1;
      cell.breached += Number(r.breach_count) > 0 ? 1 : 0;
      cell.breachRate = Math.round((cell.breached / cell.classified) * 10_000) / 10_000;
      cells.set(key, cell);
    }
    const items = [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.class.localeCompare(b.class) || a.department.localeCompare(b.department));
    return { from, to, items };
  }
}
