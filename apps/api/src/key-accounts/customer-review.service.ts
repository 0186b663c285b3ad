import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ProductLine, PLANNED_LADDER } from '@crm/customers';
import type { CommandResult, WorkflowEngine } from '@crm/engine';
import {
  ALLOCATION_ORDER, type CustomerReviewContext, customerReviewWorkflow, type ReviewEntry, type ReviewOutcome, reviewIdOf,
} from '@crm/key-accounts';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import type { HttpRequestLike } from './key-account.service';
import { PickupFiguresService } from './pickup-figures.service';
import { ReviewReportService } from './review-report.service';

const ladder = (grade: string | null) => PLANNED_LADDER.indexOf((grade ?? '') as never);

/**
 * R-EVAL-2 recorded, not only computed: a product line's review opens with a suggested outcome
 * per customer from the period's figures (the review report: volume, grade moves, decline
 * warnings), the sales department records where it decides otherwise, and the conclusion is
 * reported to the meeting the policy names. R-ALLOC-2 reads the concluded outcomes.
 */
@Injectable()
export class CustomerReviewService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reports: ReviewReportService,
    private readonly figures: PickupFiguresService,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(period: string, productLine: ProductLine, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const entries = await this.suggestions(period, productLine);
    return this.send(productLine, period, 'OpenCustomerReview', { period, productLine, entries }, actor, request);
  }

  send(productLine: string, period: string, type: string, data: object, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(customerReviewWorkflow.name, reviewIdOf(productLine, period), { type, data, meta }));
  }

  async view(productLine: string, period: string) {
    const { state, events } = await this.engine.load(customerReviewWorkflow, reviewIdOf(productLine, period));
    if (events.length === 0) throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'NOT-FOUND', field: 'period', message: `no ${productLine} review for ${period}` });
    const context = state.context as CustomerReviewContext;
    type Acted = { by: string; at: string };
    const data = (type: string) => events.filter((e) => e.type === type).map((e) => e.data as Acted & Record<string, unknown>);
    const acted = (d: Acted | undefined) => (d ? { by: d.by, at: d.at } : null);
    // the reviewers' word on each customer they decided (the last one counts), for the screen to show who and why
    const reasons = new Map(data('ReviewOutcomeRecorded').map((d) => [d.customerId as string, { reason: d.reason as string, ...acted(d) as Acted }]));
    const concluded = data('CustomerReviewConcluded')[0];
    return {
      productLine, period, state: state.state, meeting: context.meeting, opened: acted(data('CustomerReviewOpened')[0]),
      conclusion: concluded ? { ...acted(concluded) as Acted, note: (concluded.note as string | null) ?? null } : null,
      entries: context.entries.map((e) => ({ ...e, recorded: context.recorded[e.customerId] ?? null, decision: reasons.get(e.customerId) ?? null, outcome: context.outcomes[e.customerId] ?? null })),
    };
  }

  /** The outcomes of a concluded review, by customer; empty when the review is not concluded (or was never held). */
  async concludedOutcomes(productLine: string, period: string): Promise<Map<string, ReviewOutcome>> {
    const { state } = await this.engine.load(customerReviewWorkflow, reviewIdOf(productLine, period));
    if (state.state !== 'concluded') return new Map();
    return new Map(Object.entries((state.context as CustomerReviewContext).outcomes));
  }

  private async suggestions(period: string, productLine: string): Promise<ReviewEntry[]> {
    const [report, customers] = await Promise.all([this.reports.report(period), this.figures.customers()]);
    const tonnes = new Map(report.customers.map((c) => [c.customerId, c.tonnes]));
    const entries: ReviewEntry[] = [];
    for (const customer of [...customers.values()].sort((a, b) => (a.customerId < b.customerId ? -1 : 1))) {
      if (customer.productLine !== productLine || customer.status === 'disqualified') continue;
      const salesObject = ALLOCATION_ORDER.find((c) => c === customer.salesObject);
      if (!salesObject) continue;
      const cls = report.classes.find((c) => c.salesObject === salesObject);
      const moves = (cls?.gradeChanges ?? []).filter((g) => g.customerId === customer.customerId);
      const net = moves.length ? ladder(moves.at(-1)?.newGrade ?? null) - ladder(moves[0].previousGrade) : 0;
      const raised = (cls?.warnings.raised ?? []).filter((w) => w.customerId === customer.customerId).length;
      const cleared = (cls?.warnings.cleared ?? []).filter((w) => w.customerId === customer.customerId).length;
      const suggested: ReviewOutcome = net > 0 ? 'up' : net < 0 || raised > cleared ? 'down' : 'keep';
      const evidence = `期内提货 ${tonnes.get(customer.customerId) ?? 0} 吨；等级变动 ${moves.length} 次${net ? (net > 0 ? '（升）' : '（降）') : ''}；下滑预警 ${raised} 次，解除 ${cleared} 次`;
      entries.push({ customerId: customer.customerId, salesObject, suggested, evidence });
    }
    return entries;
  }
}
