import { Inject, Injectable, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { shanghaiDate } from '@crm/customers';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { CommandResult, ProjectionRunner, ReadModelDb } from '@crm/engine';
import {
  abcAnalysis, addMonths, DECLINE_POLICY_V1, keyAccountWorkflow, lastDayOfMonth, loyaltyPolicyFor, type AbcRow, type AbcThresholds,
  type EvaluateKeyAccountMonth,
} from '@crm/key-accounts';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { SIGNALS_TABLE } from './key-account-projections';
import { PickupFiguresService, type CustomerFacts } from './pickup-figures.service';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };
/** the customer context's read models the analyses read */
export const FIGURE_PROJECTIONS = ['customers', 'customer_pickups'];

export interface AbcReport {
  from: string;
  to: string;
  thresholds: AbcThresholds;
  basis: 'tonnage';
  /** the product line analysed; null: every line together */
  productLine: string | null;
  totalTonnes: number;
  customers: Array<Omit<AbcRow, 'kg'> & { tonnes: number; name: string | null; salesObject: string | null; grade: string | null; customerManagerId: string | null }>;
}

@Injectable()
export class KeyAccountService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly figures: PickupFiguresService,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  currentMonth(): string {
    return shanghaiDate(this.clock.now().toISOString()).slice(0, 7);
  }

  /** A command reads figures as of everything stored so far, not as of a lagging read model. */
  async catchUp(names: readonly string[] = FIGURE_PROJECTIONS): Promise<void> {
    const head = await this.store.headPosition();
    try {
      await Promise.all(names.map((name) => this.runner.waitForPosition(name, head, 10_000)));
    } catch (error) {
      throw new ServiceUnavailableException({
        statusCode: 503, error: 'Service Unavailable', rule: 'STALE',
        message: `read models not yet at position ${head}: ${(error as Error).message}; nothing was evaluated, retry shortly`,
      });
    }
  }

  /** R-KAM-1 over whole months; profit is not recorded, so volume (tonnes) ranks the customers. */
  /** R-KAM-1 over every registration, or one product line's (R-TIER-1: a company's lines are separate customers). */
  async abc(from: string, to: string, thresholds: AbcThresholds, productLine: string | null = null): Promise<AbcReport> {
    const [monthly, customers] = await Promise.all([this.figures.monthlyKg(from, to), this.figures.customers()]);
    const ids = [...customers.keys(), ...[...monthly.keys()].filter((id) => !customers.has(id))];
    const inLine = productLine === null ? ids : ids.filter((id) => customers.get(id)?.productLine === productLine);
    const volumes = inLine.map((customerId) => ({
      customerId,
      kg: Object.values(monthly.get(customerId) ?? {}).reduce((a, b) => a + b, 0),
    }));
    const rows = abcAnalysis(volumes, thresholds);
    return {
      from, to, thresholds, basis: 'tonnage', productLine,
      totalTonnes: rows.reduce((s, r) => s + r.kg, 0) / 1000,
      customers: rows.map(({ kg, ...r }) => {
        const c: CustomerFacts | undefined = customers.get(r.customerId);
        return { ...r, tonnes: kg / 1000, name: c?.name ?? null, salesObject: c?.salesObject ?? null, grade: c?.grade ?? null, customerManagerId: c?.customerManagerId ?? null };
      }),
    };
  }

  /**
   * R-KAM-3/4: the month's evaluation of every customer with volume in the 12 months ending with it
   * and every customer already on a key-account ledger (so warnings clear and levels lapse). Each
   * customer is one command on its own stream; the decider writes only what changed.
   */
  async evaluate(month: string, actor: Actor, request: HttpRequestLike) {
    if (month >= this.currentMonth()) {
      throw new UnprocessableEntityException({
        statusCode: 422, error: 'Unprocessable Entity', rule: 'R-KAM-3', field: 'month', message: `R-KAM-3: ${month} is not over yet; only past months are evaluated`,
      });
    }
    await this.catchUp([...FIGURE_PROJECTIONS, SIGNALS_TABLE]);
    const abc = await this.abc(addMonths(month, -11), month, { a: 0.8, b: 0.95 });
    const series = await this.figures.monthlyKg(addMonths(month, -14), month);
    const lastPickups = await this.figures.lastPickupDates(lastDayOfMonth(month));
    const customers = await this.figures.customers();
    const ledgers = await this.readModels.db.selectFrom(SIGNALS_TABLE).select('customer_id').distinct().execute();
    const onLedger = new Set((ledgers as Array<{ customer_id: string }>).map((r) => r.customer_id));
    const candidates = abc.customers.filter((r) => r.tonnes > 0 || onLedger.has(r.customerId));
    const loyaltyPolicy = loyaltyPolicyFor(month);
    const results: Array<{ customerId: string; result: CommandResult }> = [];
    for (const row of candidates) {
      const data: EvaluateKeyAccountMonth = {
        customerId: row.customerId, month, abcClass: row.abcClass, kgByMonth: series.get(row.customerId) ?? {},
        lastPickupDate: lastPickups.get(row.customerId) ?? null, customerManagerId: customers.get(row.customerId)?.customerManagerId ?? null,
        declinePolicy: DECLINE_POLICY_V1, loyaltyPolicy,
      };
      const meta = commandMetaFrom(request, actor, this.clock);
      const result: CommandResult = await this.commandBus.execute(
        new ExecuteWorkflowCommand(keyAccountWorkflow.name, row.customerId, { type: 'EvaluateKeyAccountMonth', data, meta }),
      );
      results.push({ customerId: row.customerId, result });
    }
    const written = results.flatMap(({ customerId, result }) => result.events.map((e) => ({ customerId, type: e.type, position: e.position, id: e.id })));
    return {
      month,
      period: { from: abc.from, to: abc.to },
      evaluated: candidates.length,
      keyAccounts: abc.customers.filter((r) => r.abcClass === 'A').map((r) => r.customerId),
      events: written,
      position: Math.max(0, ...written.map((e) => e.position)),
    };
  }
}
