import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CommandResult, uuidV5, type WorkflowEngine } from '@crm/engine';
import { type ApplicationForm, identityKeyOf, onboardingWorkflow, type ReviewStep, STEP_ROLE } from '@crm/onboarding';
import type { Actor, AnyCommand, WorkflowState } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { IdentityReservations } from './identity-reservations';
import { type FactsNeeded, OnboardingFactsLoader } from './onboarding-facts.loader';
import { FactsNotPreloaded } from './onboarding.services';

export type HttpRequestLike = { id?: string; headers: Record<string, string | string[] | undefined> };
export interface Issued {
  id: string;
  result: CommandResult;
}

/**
 * Sends onboarding commands through the CQRS bus with the facts their decider needs read first:
 * identity-key holders for the duplicate check (create, amend, submit) and the caller's
 * delegation when they act on someone's behalf. A creation, or an amendment that changes the
 * company, first reserves the company's identity key in the event store (ADR 0008).
 */
@Injectable()
export class OnboardingCommandService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: OnboardingFactsLoader,
    private readonly reservations: IdentityReservations,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Server-side id unless given; with an Idempotency-Key the id is derived from it, so a retry lands on the same stream. */
  applicationIdFor(actor: Actor, request: HttpRequestLike, given?: string): string {
    if (given) return given;
    const key = commandMetaFrom(request, actor, this.clock).idempotencyKey;
    return key ? `app-${uuidV5(`onboarding-application:${actor.id}:${key}`)}` : `app-${randomUUID()}`;
  }

  /**
   * Reserve the company, then draft. A refusal the decider would make comes before the
   * reservation, so a refused request writes nothing. A request that dies between the two
   * appends leaves a reservation whose application was never drafted: the next creation for the
   * company voids that application after the grace period and takes the key over.
   */
  async create(id: string, form: ApplicationForm, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const needed = { identityKeys: [identityKeyOf(form.identifiers)] };
    const { state } = await this.engine.load(onboardingWorkflow, id);
    // a retry, or a second creation on the same id: the engine answers (first result, or 409)
    if (state.revision === null) {
      await this.preflight(id, { type: 'CreateApplication', data: { applicationId: id, form }, meta: commandMetaFrom(request, actor, this.clock) }, state, needed);
      await this.reservations.reserve(needed.identityKeys[0], form.productLine, id, commandMetaFrom(request, actor, this.clock));
    }
    return this.send(id, 'CreateApplication', { applicationId: id, form }, actor, request, needed);
  }

  /** Moving to another company reserves the new key first and lets the old one go once the amendment is stored. */
  async amend(id: string, form: ApplicationForm, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const newKey = identityKeyOf(form.identifiers);
    const { state } = await this.engine.load(onboardingWorkflow, id);
    const oldKey: string | null = state.context?.identityKey ?? null;
    const rekeying = state.revision !== null && oldKey !== null && oldKey !== newKey;
    if (rekeying) {
      await this.preflight(id, { type: 'AmendApplication', data: { form }, meta: commandMetaFrom(request, actor, this.clock) }, state, { identityKeys: [newKey] });
      await this.reservations.reserve(newKey, form.productLine, id, commandMetaFrom(request, actor, this.clock));
    }
    const result = await this.send(id, 'AmendApplication', { form }, actor, request, { identityKeys: [newKey] });
    if (rekeying && result.state.context?.identityKey === newKey) await this.reservations.release(oldKey, id, 'rekeyed', commandMetaFrom(request, actor, this.clock));
    return result;
  }

  async submit(id: string, actor: Actor, request: HttpRequestLike): Promise<CommandResult> {
    const { state } = await this.engine.load(onboardingWorkflow, id);
    const identityKey: string | null = state.context?.identityKey ?? null;
    return this.send(id, 'SubmitApplication', {}, actor, request, { identityKeys: identityKey ? [identityKey] : [] });
  }

  /** Withdraw and reassign need no facts; step decisions need the delegation they claim, if any. */
  plain(id: string, type: 'WithdrawApplication' | 'ReassignStep', data: Record<string, unknown>, actor: Actor, request: HttpRequestLike) {
    return this.send(id, type, data, actor, request, {});
  }

  decide(id: string, type: 'ApproveStep' | 'RejectStep' | 'ReturnForRevision', data: { step: ReviewStep; onBehalfOf?: string }, actor: Actor, request: HttpRequestLike) {
    const delegation = data.onBehalfOf ? { delegatorId: data.onBehalfOf, delegateId: actor.id, role: STEP_ROLE[data.step] } : undefined;
    return this.send(id, type, data, actor, request, { delegation });
  }

  private async send(id: string, type: string, data: object, actor: Actor, request: HttpRequestLike, needed: FactsNeeded): Promise<CommandResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    for (let attempt = 1; ; attempt++) {
      const services = await this.facts.servicesFor(id, needed);
      try {
        return await this.commandBus.execute(new ExecuteWorkflowCommand(onboardingWorkflow.name, id, { type, data, meta }, services));
      } catch (error) {
        // the form was amended between our read and the decision: read the facts again, once
        if (!(error instanceof FactsNotPreloaded) || attempt > 1) throw error;
        needed = type === 'SubmitApplication' ? await this.currentKey(id) : needed;
      }
    }
  }

  /** The engine's guards and the decider's own refusals (role, applicant, duplicates in the read model) before anything is reserved. */
  private async preflight(id: string, command: AnyCommand, state: WorkflowState<any>, needed: FactsNeeded): Promise<void> {
    await this.engine.authorize(onboardingWorkflow, id, command);
    const services = await this.facts.servicesFor(id, needed);
    onboardingWorkflow.decide(command as never, state, services);
  }

  private async currentKey(id: string): Promise<FactsNeeded> {
    const { state } = await this.engine.load(onboardingWorkflow, id);
    return { identityKeys: state.context?.identityKey ? [state.context.identityKey] : [] };
  }
}
