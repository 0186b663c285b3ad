import { Inject, Injectable } from '@nestjs/common';
import { type CustomerContext, customerWorkflow, type CustomerServices } from '@crm/customers';
import type { WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { ARCHIVE_IDENTITY_ACTOR } from '../onboarding/identity-move.process';
import { IdentityReservations } from '../onboarding/identity-reservations';
import { commandMetaFrom } from '../workflows/command-meta';
import { commandResponse } from '../workflows/command-response';
import { WORKFLOW_ENGINE, WORKFLOW_REGISTRY } from '../workflows/workflow.tokens';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import type { HttpRequestLike } from './customer-command.service';
import { companyKeyOf } from './read-models/customers.projection';

/**
 * R-ARC-1 / ONB-DUPLICATE (ADR 0024): approving a credit-code change that moves the customer to another
 * company key first reserves the new key for it on `company-identity-<key>` (the same fence an
 * application takes before it is drafted: refused 422 ONB-DUPLICATE when another company holds it),
 * then decides the approval with that fact. Should the approval not be written, the new key lets the
 * customer go again; the old key is released after the change by `IdentityMoveProcess`.
 */
@Injectable()
export class IdentityChangeService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reservations: IdentityReservations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async approve(customerId: string, data: { requestId: string; comment?: string }, actor: Actor, request: HttpRequestLike) {
    const meta = commandMetaFrom(request, actor, this.clock);
    const context = (await this.engine.load(customerWorkflow, customerId)).state.context as CustomerContext;
    const move = this.moveOf(context, data.requestId);
    const systemMeta = { actor: ARCHIVE_IDENTITY_ACTOR, now: meta.now, correlationId: meta.correlationId };
    // no idempotency key: moving in is idempotent in its decider, and a key would replay a move-in that was let go since
    if (move && context.productLine) await this.reservations.moveIn(move.to, customerId, context.productLine, move.from, systemMeta);
    const held = move ? await this.reservations.customersOf(move.to) : [];
    const registered = this.registry.get(customerWorkflow.name).services as CustomerServices;
    const services: CustomerServices = { ...registered, identity: { keyOf: companyKeyOf, holds: (key, id) => move !== null && key === move.to && held.includes(id) } };
    try {
      const result = await this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, customerId, { type: 'ApproveIdentityChange', data, meta }, services));
      return commandResponse(customerId, result);
    } catch (error) {
      if (move) await this.letGo(customerId, move.to, systemMeta);
      throw error;
    }
  }

  /** A rejected request lets go of a key an interrupted approval may have taken for it. */
  async reject(customerId: string, data: { requestId: string; comment: string }, actor: Actor, request: HttpRequestLike) {
    const meta = commandMetaFrom(request, actor, this.clock);
    const context = (await this.engine.load(customerWorkflow, customerId)).state.context as CustomerContext;
    const move = this.moveOf(context, data.requestId);
    const result = await this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, customerId, { type: 'RejectIdentityChange', data, meta }));
    if (move && (await this.reservations.customersOf(move.to)).includes(customerId)) {
      await this.letGo(customerId, move.to, { actor: ARCHIVE_IDENTITY_ACTOR, now: meta.now, correlationId: meta.correlationId });
    }
    return commandResponse(customerId, result);
  }

  /** The new company key a pending request moves the customer to; null when the key stays (a rename, a code of the same organisation). */
  private moveOf(context: CustomerContext, requestId: string): { from: string | null; to: string } | null {
    const request = context.pendingIdentityChange;
    const after = request?.requestId === requestId ? request.changes.identifiers?.after : undefined;
    if (!after) return null;
    const [from, to] = [companyKeyOf(context.identifiers), companyKeyOf(after)];
    return to !== null && to !== from ? { from, to } : null;
  }

  /** Only when the archive did not take the new key after all (a retry may have written the approval meanwhile). */
  private async letGo(customerId: string, key: string, meta: { actor: Actor; now: string; correlationId?: string }): Promise<void> {
    const context = (await this.engine.load(customerWorkflow, customerId)).state.context as CustomerContext;
    if (companyKeyOf(context.identifiers) === key) return;
    await this.reservations.moveOut(key, customerId, null, meta);
  }
}
