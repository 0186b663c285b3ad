import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type CustomerIdentityChanged, customerWorkflow } from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { Actor, CommandMeta } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { IdentityReservations } from './identity-reservations';

export const ARCHIVE_IDENTITY_ACTOR: Actor = { id: 'system:archive-identity', roles: [], system: true };

/**
 * R-ARC-1 / ONB-DUPLICATE (ADR 0024): once a customer's credit-code change took effect under a new
 * company key (reserved for it before the approval), its old key lets it go: that line of the old
 * company is free again, and the key itself once no registration is left on it. Keyed by the
 * change's event id, a redelivery writes nothing more.
 */
@Injectable()
export class IdentityMoveProcess implements Reactor, OnModuleInit {
  readonly name = 'archive-identity-releases-old-key';
  readonly eventTypes = ['CustomerIdentityChanged'];

  constructor(
    private readonly reservations: IdentityReservations,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    const prefix = `${customerWorkflow.streamPrefix}-`;
    if (!event.streamId.startsWith(prefix)) return;
    const { identityKey, approvedAt } = event.data as unknown as CustomerIdentityChanged;
    if (identityKey.before === null || identityKey.after === null || identityKey.before === identityKey.after) return;
    const meta: CommandMeta = { actor: ARCHIVE_IDENTITY_ACTOR, now: approvedAt, idempotencyKey: `identity-move-out:${event.id}`, correlationId: event.metadata.correlationId, causationId: event.id };
    await this.reservations.moveOut(identityKey.before, event.streamId.slice(prefix.length), identityKey.after, meta);
  }
}
