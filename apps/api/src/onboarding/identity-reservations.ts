import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult, WorkflowEngine } from '@crm/engine';
import { EVENT_STORE, type EventStore, WrongExpectedRevisionError } from '@crm/event-store';
import {
  type IdentityReservationContext, type IdentityReservationServices, identityReservationWorkflow, onboardingWorkflow, type ReleaseReason,
  type ProductLine, type ReservationHolder, reservationGraceOver,
} from '@crm/onboarding';
import { type CustomerContext, customerWorkflow } from '@crm/customers';
import { type CommandMeta, TransitionNotAllowed } from '@crm/workflow-kit';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { ONBOARDING_SYSTEM_ACTOR } from './customer-archive.process';

/** The reservation changed hands between our read and the engine's: the same as a revision conflict. */
export class HolderNotPreloaded extends Error {
  constructor(readonly applicationId: string) {
    super(`the holder ${applicationId} of the reservation was not read before the command`);
  }
}

/** The registered services: release never asks; reserving and handing over read the holder and the v1 customers' lines first. */
export function identityReservationServices(holder: ReservationHolder | null = null, lines: ReadonlyMap<string, ProductLine> = new Map()): IdentityReservationServices {
  return {
    holderOf(applicationId) {
      if (holder?.applicationId !== applicationId) throw new HolderNotPreloaded(applicationId);
      return holder;
    },
    lineOfCustomer(customerId) {
      const line = lines.get(customerId);
      if (!line) throw new HolderNotPreloaded(customerId);
      return line;
    },
  };
}

/**
 * ONB-DUPLICATE, fenced in the event store: a company's identity key is reserved on its own
 * stream (`company-identity-<key>`) before the application is drafted, with the stream's revision
 * checked, so of two creations racing for one company only one can reserve. See ADR 0008.
 */
@Injectable()
export class IdentityReservations {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Reserves `identityKey` for `applicationId` (nothing is written when it already holds it).
   * A conflict is read again once: the second answer is the duplicate refusal (422) or, if the
   * stream moved yet again, the conflict itself (409).
   */
  async reserve(identityKey: string, productLine: ProductLine, applicationId: string, meta: CommandMeta): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const { holder, revision, lines } = await this.holderOf(identityKey, meta);
      try {
        const command = { type: 'ReserveIdentity', data: { identityKey, applicationId, productLine }, meta };
        return await this.commandBus.execute(new ExecuteWorkflowCommand(identityReservationWorkflow.name, identityKey, command, identityReservationServices(holder, lines)));
      } catch (error) {
        const conflict = error instanceof WrongExpectedRevisionError || error instanceof HolderNotPreloaded;
        if (!conflict) throw error;
        if (attempt >= 2) throw error instanceof HolderNotPreloaded ? await this.conflictOn(identityKey, revision) : error;
      }
    }
  }

  /** Lets the key go if `applicationId` holds it; otherwise writes nothing. */
  release(identityKey: string, applicationId: string, reason: ReleaseReason, meta: CommandMeta): Promise<CommandResult> {
    const command = { type: 'ReleaseIdentity', data: { identityKey, applicationId, reason }, meta };
    return this.commandBus.execute(new ExecuteWorkflowCommand(identityReservationWorkflow.name, identityKey, command, identityReservationServices()));
  }

  async handOver(identityKey: string, applicationId: string, customerId: string, productLine: ProductLine, meta: CommandMeta): Promise<CommandResult> {
    const { state } = await this.engine.load(identityReservationWorkflow, identityKey);
    const lines = await this.linesOfV1Customers(state.context as IdentityReservationContext | undefined);
    const command = { type: 'HandOverIdentity', data: { identityKey, applicationId, customerId, productLine }, meta };
    return this.commandBus.execute(new ExecuteWorkflowCommand(identityReservationWorkflow.name, identityKey, command, identityReservationServices(null, lines)));
  }

  /**
   * R-ARC-1 (ADR 0024): a customer whose credit code moved it to another company key takes that key first,
   * refused ONB-DUPLICATE when another company holds it for the line; `moveOut` lets its old key go after.
   */
  async moveIn(identityKey: string, customerId: string, productLine: ProductLine, fromKey: string | null, meta: CommandMeta): Promise<CommandResult> {
    const { state } = await this.engine.load(identityReservationWorkflow, identityKey);
    const lines = await this.linesOfV1Customers(state.context as IdentityReservationContext | undefined);
    const command = { type: 'MoveIdentityIn', data: { identityKey, customerId, productLine, fromKey }, meta };
    return this.commandBus.execute(new ExecuteWorkflowCommand(identityReservationWorkflow.name, identityKey, command, identityReservationServices(null, lines)));
  }

  /** The customers a company key's reservation stream holds now. */
  async customersOf(identityKey: string): Promise<string[]> {
    const { state } = await this.engine.load(identityReservationWorkflow, identityKey);
    return ((state.context as IdentityReservationContext | undefined)?.customers ?? []).map((c) => c.customerId);
  }

  moveOut(identityKey: string, customerId: string, toKey: string | null, meta: CommandMeta): Promise<CommandResult> {
    const command = { type: 'MoveIdentityOut', data: { identityKey, customerId, toKey }, meta };
    return this.commandBus.execute(new ExecuteWorkflowCommand(identityReservationWorkflow.name, identityKey, command, identityReservationServices()));
  }

  /** Customers handed over before lines were recorded (v1 events) are registered for the line their archive was opened for. */
  private async linesOfV1Customers(reservation: IdentityReservationContext | undefined): Promise<Map<string, ProductLine>> {
    const lines = new Map<string, ProductLine>();
    for (const { customerId, productLine } of reservation?.customers ?? []) {
      if (productLine) continue;
      const { state } = await this.engine.load(customerWorkflow, customerId);
      const line = (state.context as CustomerContext | undefined)?.productLine;
      if (line) lines.set(customerId, line);
    }
    return lines;
  }

  /**
   * The application holding the key, read from its own stream. A holder that was never drafted
   * and whose reservation is past the grace period is voided first: once its stream exists, its
   * late draft (appended with `no_stream`) fails, so taking the key over cannot leave two holders.
   */
  private async holderOf(identityKey: string, meta: CommandMeta): Promise<{ holder: ReservationHolder | null; revision: number | null; lines: Map<string, ProductLine> }> {
    const { state } = await this.engine.load(identityReservationWorkflow, identityKey);
    const reservation = state.context as IdentityReservationContext;
    const lines = await this.linesOfV1Customers(reservation);
    if (state.state !== 'reserved' || !reservation.applicationId || !reservation.reservedAt) return { holder: null, revision: state.revision, lines };
    let holder = await this.application(reservation.applicationId);
    if (holder.state === 'none' && reservationGraceOver(reservation.reservedAt, meta.now)) {
      await this.voidNeverDrafted(identityKey, reservation.applicationId, reservation.reservedAt, meta);
      holder = await this.application(reservation.applicationId);
    }
    return { holder, revision: state.revision, lines };
  }

  private async application(applicationId: string): Promise<ReservationHolder> {
    const { state } = await this.engine.load(onboardingWorkflow, applicationId);
    return { applicationId, state: state.state, identityKey: state.context?.identityKey ?? null };
  }

  private async voidNeverDrafted(identityKey: string, applicationId: string, reservedAt: string, meta: CommandMeta): Promise<void> {
    const voidMeta = { actor: ONBOARDING_SYSTEM_ACTOR, now: meta.now, correlationId: meta.correlationId };
    const command = { type: 'VoidApplication', data: { applicationId, identityKey, reservedAt }, meta: voidMeta };
    try {
      await this.commandBus.execute(new ExecuteWorkflowCommand(onboardingWorkflow.name, applicationId, command));
    } catch (error) {
      // the draft (or another void) landed first: the holder is read again and judged as it is
      if (!(error instanceof WrongExpectedRevisionError) && !(error instanceof TransitionNotAllowed)) throw error;
    }
  }

  private async conflictOn(identityKey: string, expected: number | null): Promise<WrongExpectedRevisionError> {
    const streamId = `${identityReservationWorkflow.streamPrefix}-${identityKey}`;
    return new WrongExpectedRevisionError(streamId, expected ?? 'no_stream', await this.store.streamRevision(streamId));
  }
}
