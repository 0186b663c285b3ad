import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { developmentPlanWorkflow, type ProspectConverted } from '@crm/development';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { PLANS_PROJECTION, PLANS_TABLE } from './plans.projection';

export const DEVELOPMENT_SYSTEM_ACTOR: Actor = { id: 'system:development', roles: [], system: true };
const ENDED = ['rejected', 'assessed'];

/**
 * R-DEV-2 根据完成情况进行考核兑现: a prospect converted (an onboarding application opened for it,
 * DEV-DUPLICATE checked) counts for the plans that target it, so the quarter's completion is the
 * plan's own record. Keyed by the conversion's event id and the plan, a redelivery records nothing
 * twice; the plan's decider ignores a plan that ended or already counted the target.
 */
@Injectable()
export class TargetConversionProcess implements Reactor, OnModuleInit {
  readonly name = 'development-counts-target-conversions';
  readonly eventTypes = ['ProspectConverted'];

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    const prospectId = event.streamId.slice('prospect-'.length);
    const converted = event.data as unknown as ProspectConverted;
    for (const planId of await this.plansTargeting(prospectId, event.position)) {
      const meta = { actor: DEVELOPMENT_SYSTEM_ACTOR, now: converted.at, idempotencyKey: `${event.id}:${planId}`, correlationId: event.metadata.correlationId, causationId: event.id };
      const data = { prospectId, applicationId: converted.applicationId, convertedAt: converted.at };
      await this.commandBus.execute(new ExecuteWorkflowCommand(developmentPlanWorkflow.name, planId, { type: 'RecordTargetConversion', data, meta }));
    }
  }

  /** Plans still running with a target on the prospect, once the plans read model has caught up with the conversion. */
  private async plansTargeting(prospectId: string, position: number): Promise<string[]> {
    await waitForProjections(this.projections, [PLANS_PROJECTION], position, 30_000);
    const rows = await this.readModels.db.selectFrom(PLANS_TABLE).select(['plan_id', 'targets']).where('status', 'not in', ENDED).orderBy('plan_id').execute();
    return rows.filter((r) => (JSON.parse(r.targets as string) as Array<{ prospectId: string }>).some((t) => t.prospectId === prospectId)).map((r) => String(r.plan_id));
  }
}
