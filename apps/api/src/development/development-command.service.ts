import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type ConversionFacts, developmentPlanWorkflow, DevelopmentRule, type PlanCommandType, type ProspectContext, prospectWorkflow, type ProspectCommandType, type ProspectServices } from '@crm/development';
import { type CommandResult, uuidV5, type WorkflowEngine } from '@crm/engine';
import { type IdentityReservationContext, identityReservationWorkflow, type OnboardingContext, onboardingWorkflow } from '@crm/onboarding';
import { type Actor, DomainRuleViolation } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };
export type PersonPlanCommand = Exclude<PlanCommandType, 'MarkPlanDeadlinePassed' | 'OpenDevelopmentAssessment' | 'RecordTargetConversion' | 'AssessCustomerManager'>;

/**
 * Sends prospect and plan commands through the CQRS bus. Facts of other streams (the onboarding
 * application a conversion names, the prospects a plan picks) are checked here before the command.
 */
@Injectable()
export class DevelopmentCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Server-side id unless given; with an Idempotency-Key the id is derived from it, so a retry lands on the same stream. */
  idFor(kind: 'prs' | 'plan' | 'entry', actor: Actor, request: HttpRequestLike, given?: string): string {
    if (given) return given;
    const key = commandMetaFrom(request, actor, this.clock).idempotencyKey;
    return key ? `${kind}-${uuidV5(`development-${kind}:${actor.id}:${key}`)}` : `${kind}-${randomUUID()}`;
  }

  prospect(id: string, type: ProspectCommandType, data: object, actor: Actor, request: HttpRequestLike, services?: ProspectServices): Promise<CommandResult> {
    return this.send(prospectWorkflow.name, id, type, data, actor, request, services);
  }

  /** R-DEV-1 + DEV-DUPLICATE: the decider judges the application and its company's identity ledger, read here first. */
  async convert(id: string, applicationId: string, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const facts = await this.conversionFacts(applicationId);
    const services: ProspectServices = {
      conversionFacts: (asked) => {
        if (asked !== applicationId) throw new Error(`conversion facts were read for ${applicationId}, not ${asked}`);
        return facts;
      },
    };
    return this.prospect(id, 'MarkProspectConverted', { applicationId }, actor, request, services);
  }

  /** The application's state and company, and who holds that company's ONB-DUPLICATE reservation (`company-identity-<key>`). */
  private async conversionFacts(applicationId: string): Promise<ConversionFacts> {
    const application = await this.engine.load(onboardingWorkflow, applicationId);
    const identityKey = application.events.length === 0 ? null : ((application.state.context as OnboardingContext).identityKey ?? null);
    if (identityKey === null) return { applicationId, applicationState: application.state.state, identityKey, reservedBy: null, customers: [] };
    const { state } = await this.engine.load(identityReservationWorkflow, identityKey);
    const ledger = state.context as IdentityReservationContext;
    const customers = [...new Set([...(ledger.customerId ? [ledger.customerId] : []), ...ledger.customers.map((c) => c.customerId)])];
    return { applicationId, applicationState: application.state.state, identityKey, reservedBy: state.state === 'reserved' ? ledger.applicationId : null, customers };
  }

  /**
   * R-DEV-2: a plan picks registered prospects still being developed; a target not split to a
   * manager explicitly goes to the manager who keeps its prospect (分解至客户经理组织实施).
   */
  async plan(id: string, type: PersonPlanCommand, data: Record<string, unknown>, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const content = type === 'DraftDevelopmentPlan' || type === 'ReviseDevelopmentPlan' ? { ...data, targets: await this.splitTargets(data.targets) } : data;
    return this.send(developmentPlanWorkflow.name, id, type, content, actor, request);
  }

  private async splitTargets(targets: unknown): Promise<unknown> {
    if (!Array.isArray(targets)) return targets;
    const split: unknown[] = [];
    for (const [i, target] of (targets as Array<{ prospectId: string; customerManagerId?: string | null }>).entries()) {
      const { state, events } = await this.engine.load(prospectWorkflow, target.prospectId);
      if (events.length === 0 || state.state !== 'active') {
        const why = events.length === 0 ? 'is not registered' : `is ${state.state}`;
        throw new DomainRuleViolation(DevelopmentRule.plan, `prospect ${target.prospectId} ${why}; a plan picks prospects still being developed`, `targets.${i}.prospectId`);
      }
      split.push({ ...target, customerManagerId: target.customerManagerId ?? (state.context as ProspectContext).customerManagerId });
    }
    return split;
  }

  /** R-DEV-2 考核兑现: the sales department's assessment of one manager at quarter end. */
  assess(id: string, data: Record<string, unknown>, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    return this.send(developmentPlanWorkflow.name, id, 'AssessCustomerManager', data, actor, request);
  }

  private send(workflow: string, id: string, type: string, data: object, actor: Actor, request: HttpRequestLike, services?: unknown): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    return this.commandBus.execute(new ExecuteWorkflowCommand(workflow, id, { type, data, meta }, services));
  }
}
