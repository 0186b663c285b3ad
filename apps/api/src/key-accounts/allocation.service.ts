import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult, ReadModelDb } from '@crm/engine';
import { addMonths, allocationWorkflow, type AllocationDemand, type AllocationLine } from '@crm/key-accounts';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { ALLOCATIONS_TABLE, SALES_PLANS_TABLE } from './key-account-projections';
import type { ProposalBody } from './key-accounts.bodies';
import { FIGURE_PROJECTIONS, KeyAccountService, type HttpRequestLike } from './key-account.service';
import { PickupFiguresService } from './pickup-figures.service';

const refuse = (field: string, message: string) =>
  new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', rule: 'R-ALLOC-2', field, message: `R-ALLOC-2: ${message}` });
const ratio = (actual: number, base: number | undefined) => (base && base > 0 ? Math.round((actual / base) * 1000) / 1000 : null);

/**
 * R-ALLOC-1..3: gathers a month's inputs — the available volume and the requests the sales
 * department enters, every exclusive agent's filed plan (R-TIER-7), last month's completion
 * (agents: actual ÷ plan; distributors: actual ÷ last month's approved allocation) and weekly
 * evenness — and sends them to the proposal workflow, which computes the allocation itself.
 */
@Injectable()
export class AllocationService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly figures: PickupFiguresService,
    private readonly keyAccounts: KeyAccountService,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async propose(month: string, body: ProposalBody, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    await this.keyAccounts.catchUp([...FIGURE_PROJECTIONS, SALES_PLANS_TABLE, ALLOCATIONS_TABLE]);
    const previous = addMonths(month, -1);
    const [customers, plans, previousPlans, previousKg, evenness, previousAllocation] = await Promise.all([
      this.figures.customers(),
      this.figures.plannedKg(month),
      this.figures.plannedKg(previous),
      this.figures.monthlyKg(previous, previous),
      this.figures.evenness(previous),
      this.approvedLines(previous),
    ]);
    const actual = (id: string) => previousKg.get(id)?.[previous] ?? 0;
    const demands: AllocationDemand[] = [];
    body.requests.forEach((r, i) => {
      const customer = customers.get(r.customerId);
      if (!customer) throw refuse(`requests.${i}.customerId`, `no customer ${r.customerId}`);
      if (customer.status !== 'active') throw refuse(`requests.${i}.customerId`, `customer ${r.customerId} is ${customer.status}`);
      if (customer.salesObject === 'exclusive_agent' && plans.has(r.customerId)) {
        throw refuse(`requests.${i}.customerId`, `${r.customerId} is an exclusive agent: its demand is its filed sales plan for ${month} (R-TIER-7)`);
      }
      const salesObject = customer.salesObject as AllocationDemand['salesObject'];
      const completionRate = salesObject === 'direct' ? null : salesObject === 'exclusive_agent' ? ratio(actual(r.customerId), previousPlans.get(r.customerId)) : ratio(actual(r.customerId), previousAllocation.get(r.customerId));
      demands.push({ customerId: r.customerId, salesObject, kg: Math.round(r.tonnes * 1000), source: 'request', completionRate, evenness: evenness.get(r.customerId) ?? null });
    });
    for (const [customerId, kg] of [...plans].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const customer = customers.get(customerId);
      if (!customer || customer.status !== 'active' || customer.salesObject !== 'exclusive_agent') continue;
      demands.push({
        customerId, salesObject: 'exclusive_agent', kg, source: 'sales_plan', completionRate: ratio(actual(customerId), previousPlans.get(customerId)),
        evenness: evenness.get(customerId) ?? null,
      });
    }
    const data = { month, availableKg: Math.round(body.availableTonnes * 1000), demands, note: body.note };
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(allocationWorkflow.name, month, { type: 'ProposeAllocation', data, meta }));
  }

  decide(month: string, type: 'ApproveAllocation' | 'ReturnAllocation', data: object, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(allocationWorkflow.name, month, { type, data, meta }));
  }

  async view(month: string) {
    const row = await this.readModels.db.selectFrom(ALLOCATIONS_TABLE).selectAll().where('month', '=', month).executeTakeFirst();
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'NOT-FOUND', field: 'month', message: `no allocation proposed for ${month}` });
    return allocationView(row);
  }

  private async approvedLines(month: string): Promise<Map<string, number>> {
    const row = await this.readModels.db.selectFrom(ALLOCATIONS_TABLE).select(['lines', 'status']).where('month', '=', month).executeTakeFirst();
    if (!row || row.status !== 'approved') return new Map();
    return new Map((JSON.parse(row.lines) as AllocationLine[]).map((l) => [l.customerId, l.allocatedKg]));
  }
}

export function allocationView(row: Record<string, any>) {
  const lines = JSON.parse(row.lines) as AllocationLine[];
  return {
    month: row.month, round: Number(row.round), status: row.status,
    availableTonnes: Number(row.available_kg) / 1000, demandTonnes: Number(row.demand_kg) / 1000, allocatedTonnes: Number(row.allocated_kg) / 1000,
    shortfallTonnes: Number(row.shortfall_kg) / 1000, note: row.note, proposedBy: row.proposed_by, proposedAt: row.proposed_at,
    decidedBy: row.decided_by, decidedAt: row.decided_at, decisionText: row.decision_text,
    lines: lines.map((l) => ({
      customerId: l.customerId, salesObject: l.salesObject, source: l.source, rank: l.rank, score: l.score, completionRate: l.completionRate, evenness: l.evenness,
      demandTonnes: l.kg / 1000, allocatedTonnes: l.allocatedKg / 1000,
    })),
  };
}
