import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { uuidV5 } from '@crm/engine';
import { EVENT_STORE, type EventStore, type NewEvent, type StoredEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { Delegation, shanghaiDate } from '@crm/onboarding';
import { type Actor, type CommandMeta, DECIDING_ROLES, DomainRuleViolation, NotPermitted, type Role, TransitionNotAllowed } from '@crm/workflow-kit';
import { randomUUID } from 'node:crypto';
import { UserDirectory } from '../auth/user-directory';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { commandMetaFrom } from '../workflows/command-meta';
import { type DelegationGranted, type DelegationRevoked, delegationStreamOf } from './delegation.events';
import type { DelegationBody, RevokeDelegationBody } from './onboarding.bodies';
import type { HttpRequestLike } from './onboarding.command-service';

/** every deciding role: a delegation covers any task of that role (issue 15), onboarding's steps among them */
const REVIEWER_ROLES: readonly Role[] = DECIDING_ROLES;
const RULE = 'ONB-DELEGATION';

export interface RevokeResult {
  revocation: DelegationRevoked;
  streamId: string;
  position: number;
  replayed: boolean;
}

export interface GrantResult {
  delegation: Delegation;
  streamId: string;
  position: number;
  replayed: boolean;
}

/**
 * A reviewer lets a colleague of the same role decide on their behalf for a date range. Stored
 * as DelegationGranted in its own stream; with an Idempotency-Key the id is derived from it, so
 * a retried request finds the stream it already wrote.
 */
@Injectable()
export class DelegationService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UserDirectory,
  ) {}

  async grant(body: DelegationBody, actor: Actor, request: HttpRequestLike): Promise<GrantResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    const id = meta.idempotencyKey ? `dlg-${uuidV5(`delegation:${actor.id}:${meta.idempotencyKey}`)}` : `dlg-${randomUUID()}`;
    const delegation = await this.validated(id, body, actor, meta.now);
    const streamId = delegationStreamOf(delegation.delegationId);
    const data: DelegationGranted = { delegation, grantedBy: actor.id, at: meta.now };
    const event = eventOf('DelegationGranted', data, actor, meta);
    try {
      const { position } = await this.store.appendToStream(streamId, [event], { expectedRevision: 'no_stream' });
      return { delegation, streamId, position, replayed: false };
    } catch (error) {
      const [first] = error instanceof WrongExpectedRevisionError ? await this.store.readStream(streamId, { maxCount: 1 }) : [];
      if (!first || !meta.idempotencyKey || first.metadata.idempotencyKey !== meta.idempotencyKey) throw error;
      return { delegation: (first.data as unknown as DelegationGranted).delegation, streamId, position: first.position, replayed: true };
    }
  }

  /**
   * The delegator, or an administrator, withdraws the delegation (ONB-DELEGATION). Appended at the
   * revision read, so two revocations at once store one; a retry with the same Idempotency-Key
   * gets the first answer, any later revocation 409.
   */
  async revoke(delegationId: string, body: RevokeDelegationBody, actor: Actor, request: HttpRequestLike): Promise<RevokeResult> {
    const meta = commandMetaFrom(request, actor, this.clock);
    const streamId = delegationStreamOf(delegationId);
    const stream = await this.store.readStream(streamId);
    const granted = stream.find((e) => e.type === 'DelegationGranted');
    if (!granted) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no delegation ${delegationId}`, rule: 'NOT-FOUND' });
    const { delegation } = granted.data as unknown as DelegationGranted;
    if (delegation.delegatorId !== actor.id && !actor.roles.includes('administrator'))
      throw new NotPermitted(RULE, `only ${delegation.delegatorId}, who gave the delegation, or an administrator revokes it`);
    const earlier = revocationIn(stream, actor, meta.idempotencyKey);
    if (earlier) return earlier;
    if (stream.some((e) => e.type === 'DelegationRevoked')) throw new TransitionNotAllowed('delegation', 'revoked', 'DelegationRevoked');
    const revocation: DelegationRevoked = { delegationId, revokedBy: actor.id, reason: body.reason ?? null, at: meta.now };
    try {
      const { position } = await this.store.appendToStream(streamId, [eventOf('DelegationRevoked', revocation, actor, meta)], { expectedRevision: stream.length - 1 });
      return { revocation, streamId, position, replayed: false };
    } catch (error) {
      // the winner of the race may have been this very request, sent twice
      const replay = error instanceof WrongExpectedRevisionError ? revocationIn(await this.store.readStream(streamId), actor, meta.idempotencyKey) : null;
      if (!replay) throw error;
      return replay;
    }
  }

  private async validated(delegationId: string, body: DelegationBody, actor: Actor, now: string): Promise<Delegation> {
    const held = actor.roles.filter((r) => REVIEWER_ROLES.includes(r));
    const role = body.role ?? (held.length === 1 ? held[0] : undefined);
    if (!role) throw new DomainRuleViolation(RULE, `you hold ${held.join(', ')}: name the role you delegate`, 'role');
    if (!held.includes(role)) throw new NotPermitted(RULE, `only a ${role} delegates the ${role} role`);
    const delegate = await this.users.find(body.delegateId);
    if (!delegate || delegate.disabled || !delegate.roles.includes(role))
      throw new DomainRuleViolation(RULE, `${body.delegateId} is not an active ${role}: a delegate must hold the same role`, 'delegateId');
    if (body.until < shanghaiDate(now)) throw new DomainRuleViolation(RULE, `the delegation would end before today (${shanghaiDate(now)})`, 'until');
    if (body.from < shanghaiDate(now)) throw new DomainRuleViolation(RULE, `a delegation cannot start in the past (today is ${shanghaiDate(now)})`, 'from');
    const parsed = Delegation.safeParse({ delegationId, delegatorId: actor.id, delegateId: body.delegateId, role, from: body.from, until: body.until });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DomainRuleViolation(RULE, issue.message, issue.path.join('.'));
    }
    return parsed.data;
  }
}

function eventOf(type: string, data: DelegationGranted | DelegationRevoked, actor: Actor, meta: CommandMeta): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: data as never,
    metadata: { actor: actor.id, correlationId: meta.correlationId ?? randomUUID(), causationId: null, occurredAt: meta.now, schemaVersion: 1, ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}) },
  };
}

/** The revocation this actor stored under this Idempotency-Key, if any (another actor's key answers nothing). */
function revocationIn(stream: readonly StoredEvent[], actor: Actor, idempotencyKey: string | undefined): RevokeResult | null {
  const stored = idempotencyKey
    ? stream.find((e) => e.type === 'DelegationRevoked' && e.metadata.idempotencyKey === idempotencyKey && e.metadata.actor === actor.id)
    : undefined;
  return stored ? { revocation: stored.data as unknown as DelegationRevoked, streamId: stored.streamId, position: stored.position, replayed: true } : null;
}
