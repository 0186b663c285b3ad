import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ProductLine } from '@crm/customers';
import type { CommandResult, ReadModelDb } from '@crm/engine';
import { addMonths, allocationIdOf, allocationWorkflow, type AllocationDemand, reviewPeriodBefore } from '@crm/key-accounts';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { ALLOCATIONS_TABLE, type AllocationRow, type AllocationRowLine } from './allocations.projection';
import { SALES_PLANS_TABLE } from './key-account-projections';
import type { AdjustAllocationBody, ProposalBody } from './key-accounts.bodies';
import { FIGURE_PROJECTIONS, KeyAccountService, type HttpRequestLike } from './key-account.service';
import { CustomerReviewService } from './customer-review.service';
import { type CustomerFacts, PickupFiguresService } from './pickup-figures.service';

const refuse = (field: string, message: string, rule = 'R-ALLOC-2') =>
  new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', rule, field, message: `${rule}: ${message}` });
const ratio = (actual: number, base: number | undefined) => (base && base > 0 ? Math.round((actual / base) * 1000) / 1000 : null);
type Decision = 'ApproveAllocation' | 'ReturnAllocation';

/**
 * R-ALLOC-1..3: gathers a product line's month inputs — the available volume and the requests the
 * sales department enters, every exclusive agent's filed plan (R-TIER-7) and cooperation score,
 * last month's completion (agents: actual ÷ plan; distributors: actual ÷ last month's approved
 * allocation) and weekly evenness — for the customers registered for that product line only, and
 * sends them to the proposal workflow, which computes the allocation itself.
 */
@Injectable()
export class AllocationService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly figures: PickupFiguresService,
    private readonly keyAccounts: KeyAccountService,
    private readonly reviews: CustomerReviewService,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async propose(month: string, productLine: ProductLine, body: ProposalBody, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    await this.keyAccounts.catchUp([...FIGURE_PROJECTIONS, SALES_PLANS_TABLE, ALLOCATIONS_TABLE]);
    const previous = addMonths(month, -1);
    const [customers, plans, previousPlans, previousKg, evenness, previousAllocation, review] = await Promise.all([
      this.figures.customers(),
      this.figures.plannedKg(month),
      this.figures.plannedKg(previous),
      this.figures.monthlyKg(previous, previous),
      this.figures.evenness(previous),
      this.approvedKg(previous, productLine),
      // R-ALLOC-2 依据客户评审结果: the last quarter's concluded review of this line
      this.reviews.concludedOutcomes(productLine, reviewPeriodBefore(month)),
    ]);
    const reviewOf = (customerId: string) => (review.has(customerId) ? { review: review.get(customerId) } : {});
    const actual = (id: string) => previousKg.get(id)?.[previous] ?? 0;
    const cooperation = new Map(body.cooperation.map((c) => [c.customerId, c.score]));
    const demands: AllocationDemand[] = [];
    body.requests.forEach((r, i) => {
      const customer = this.activeOnLine(customers, r.customerId, productLine, `requests.${i}.customerId`);
      if (customer.salesObject === 'exclusive_agent' && plans.has(r.customerId)) {
        throw refuse(`requests.${i}.customerId`, `${r.customerId} is an exclusive agent: its demand is its filed sales plan for ${month} (R-TIER-7)`);
      }
      const salesObject = customer.salesObject as AllocationDemand['salesObject'];
      const completionRate = salesObject === 'direct' ? null : salesObject === 'exclusive_agent' ? ratio(actual(r.customerId), previousPlans.get(r.customerId)) : ratio(actual(r.customerId), previousAllocation.get(r.customerId));
      demands.push({ customerId: r.customerId, salesObject, kg: Math.round(r.tonnes * 1000), source: 'request', completionRate, evenness: evenness.get(r.customerId) ?? null, ...this.cooperationOf(salesObject, cooperation, r.customerId), ...reviewOf(r.customerId) });
    });
    for (const [customerId, kg] of [...plans].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const customer = customers.get(customerId);
      if (!customer || customer.status !== 'active' || customer.salesObject !== 'exclusive_agent' || customer.productLine !== productLine) continue;
      demands.push({
        customerId, salesObject: 'exclusive_agent', kg, source: 'sales_plan', completionRate: ratio(actual(customerId), previousPlans.get(customerId)),
        evenness: evenness.get(customerId) ?? null, ...this.cooperationOf('exclusive_agent', cooperation, customerId), ...reviewOf(customerId),
      });
    }
    body.cooperation.forEach((c, i) => {
      if (!demands.some((d) => d.customerId === c.customerId && d.salesObject === 'exclusive_agent')) {
        throw refuse(`cooperation.${i}.customerId`, `${c.customerId} is not an exclusive agent with a demand in this allocation`, 'R-ALLOC-3');
      }
    });
    const data = { month, productLine, availableKg: Math.round(body.availableTonnes * 1000), demands, note: body.note };
    return this.send(month, productLine, { type: 'ProposeAllocation', data }, actor, request);
  }

  adjust(month: string, productLine: ProductLine, body: AdjustAllocationBody, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const data = { round: body.round, customerId: body.customerId, allocatedKg: Math.round(body.tonnes * 1000), reason: body.reason };
    return this.send(month, productLine, { type: 'AdjustAllocation', data }, actor, request);
  }

  decide(month: string, productLine: ProductLine, type: Decision, data: object, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    return this.send(month, productLine, { type, data }, actor, request);
  }

  async view(month: string, productLine: ProductLine) {
    const row = (await this.readModels.db.selectFrom(ALLOCATIONS_TABLE).selectAll().where('allocation_id', '=', allocationIdOf(productLine, month)).executeTakeFirst()) as AllocationRow | undefined;
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'NOT-FOUND', field: 'month', message: `no ${productLine} allocation proposed for ${month}` });
    return allocationView(row);
  }

  /** Every product line's allocation of the month (and the pooled one of a month allocated before product lines). */
  async month(month: string) {
    const rows = (await this.readModels.db.selectFrom(ALLOCATIONS_TABLE).selectAll().where('month', '=', month).orderBy('allocation_id').execute()) as AllocationRow[];
    return { month, allocations: rows.map(allocationView) };
  }

  private send(month: string, productLine: ProductLine, command: { type: string; data: object }, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(allocationWorkflow.name, allocationIdOf(productLine, month), { ...command, meta }));
  }

  private activeOnLine(customers: Map<string, CustomerFacts>, customerId: string, productLine: string, field: string): CustomerFacts {
    const customer = customers.get(customerId);
    if (!customer) throw refuse(field, `no customer ${customerId}`);
    if (customer.status !== 'active') throw refuse(field, `customer ${customerId} is ${customer.status}`);
    if (customer.productLine !== productLine) throw refuse(field, `customer ${customerId} is registered for ${customer.productLine}, not ${productLine}`);
    return customer;
  }

  private cooperationOf(salesObject: string, scores: Map<string, number>, customerId: string): { cooperation?: number } {
    const score = scores.get(customerId);
    return salesObject === 'exclusive_agent' && score !== undefined ? { cooperation: score } : {};
  }

  /** The allocation in force for a product line's month, in kilograms by customer (empty when none was approved). */
  private async approvedKg(month: string, productLine: ProductLine): Promise<Map<string, number>> {
    const row: Pick<AllocationRow, 'approved_lines'> | undefined = await this.readModels.db.selectFrom(ALLOCATIONS_TABLE).select(['approved_lines']).where('allocation_id', '=', allocationIdOf(productLine, month)).executeTakeFirst();
    if (!row?.approved_lines) return new Map();
    return new Map((JSON.parse(row.approved_lines) as AllocationRowLine[]).map((l) => [l.customerId, l.allocatedKg]));
  }
}

const linesOf = (text: string) =>
  (JSON.parse(text) as AllocationRowLine[]).map((l) => ({
    customerId: l.customerId, salesObject: l.salesObject, source: l.source, rank: l.rank, score: l.score, completionRate: l.completionRate, evenness: l.evenness,
    cooperation: l.cooperation ?? null, review: l.review ?? null, demandTonnes: l.kg / 1000, allocatedTonnes: l.allocatedKg / 1000,
    adjustment: l.adjustment ? { previousTonnes: l.adjustment.previousKg / 1000, reason: l.adjustment.reason, by: l.adjustment.by, at: l.adjustment.at } : null,
  }));

export function allocationView(row: AllocationRow) {
  return {
    month: row.month, productLine: row.product_line ?? null, round: Number(row.round), status: row.status,
    availableTonnes: Number(row.available_kg) / 1000, demandTonnes: Number(row.demand_kg) / 1000, allocatedTonnes: Number(row.allocated_kg) / 1000,
    shortfallTonnes: Number(row.shortfall_kg) / 1000, note: row.note, proposedBy: row.proposed_by, proposedAt: row.proposed_at,
    decidedBy: row.decided_by, decidedAt: row.decided_at, decisionText: row.decision_text,
    lines: linesOf(row.lines),
    /** the allocation pickups are held to (R-ALLOC-2): the last approved round, kept while an amendment is under review */
    inForce: row.approved_lines ? { round: Number(row.approved_round), lines: linesOf(row.approved_lines) } : null,
  };
}
