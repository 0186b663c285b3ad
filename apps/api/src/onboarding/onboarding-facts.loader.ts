import { Inject, Injectable } from '@nestjs/common';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { type Delegation, identityReservationWorkflow, onboardingWorkflow, type OnboardingServices } from '@crm/onboarding';
import type { Role } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { DELEGATIONS_PROJECTION, DELEGATIONS_TABLE, notRevoked } from './delegations.projection';
import { IDENTITY_KEYS_PROJECTION, IDENTITY_KEYS_TABLE } from './identity-keys.projection';
import { type IdentityKeyHolder, onboardingServices } from './onboarding.services';

export interface FactsNeeded {
  identityKeys?: readonly string[];
  delegation?: { delegatorId: string; delegateId: string; role: Role };
}

/**
 * Deciders are synchronous, so the facts a command depends on (is this company already held? is
 * there a delegation?) are read here first, from read models, and handed to the decider as
 * per-command services. The identity-key index is brought up to the company's own reservation
 * (the last event of `company-identity-<key>`) and to the last event of the application holding
 * it, not to the store's head: a release or take-over of a key follows the events that freed it,
 * and the holder's own rejection or withdrawal is on its stream (ADR 0031). Two creations racing between this read and their append are fenced by the
 * reservation itself (ADR 0008). Delegations are still read at the head: a delegation revoked
 * before this read gives no right; one revoked between this read and the append still did.
 */
@Injectable()
export class OnboardingFactsLoader {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly calendars: CalendarService,
  ) {}

  async servicesFor(applicationId: string, needed: FactsNeeded): Promise<OnboardingServices> {
    const identityKeys = [...new Set(needed.identityKeys ?? [])];
    if (identityKeys.length) await waitForProjections(this.runner, [IDENTITY_KEYS_PROJECTION], await this.reservedAt(identityKeys));
    if (needed.delegation) await waitForProjections(this.runner, [DELEGATIONS_PROJECTION], await this.store.headPosition());
    const [holders, delegations] = await Promise.all([this.holders(identityKeys), this.delegations(needed.delegation)]);
    return onboardingServices(this.calendars, { applicationId, identityKeys, holders, delegations });
  }

  /**
   * The position of the keys' latest reservation events and of their holders' latest events; 0 for
   * a company never reserved (the creation's first check, before it reserves): only claims older
   * than reservations can hold it then, and the check after the reservation waits for that reservation.
   */
  private async reservedAt(identityKeys: readonly string[]): Promise<number> {
    const positions = await Promise.all(identityKeys.map((key) => this.reservationAt(key)));
    return Math.max(0, ...positions);
  }

  private async reservationAt(identityKey: string): Promise<number> {
    const last = await this.tail(`${identityReservationWorkflow.streamPrefix}-${identityKey}`);
    const holder = last?.data.applicationId;
    const held = typeof holder === 'string' ? await this.tail(`${onboardingWorkflow.streamPrefix}-${holder}`) : undefined;
    return Math.max(last?.position ?? 0, held?.position ?? 0);
  }

  private async tail(streamId: string) {
    const [last] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last;
  }

  private async holders(identityKeys: string[]) {
    if (identityKeys.length === 0) return [];
    const rows = await this.readModels.db
      .selectFrom(IDENTITY_KEYS_TABLE)
      .select(['identity_key', 'holder_id', 'kind', 'product_line'])
      .where('identity_key', 'in', identityKeys)
      .where('open', '=', 1)
      .orderBy('holder_id')
      .execute();
    return rows.map((r): IdentityKeyHolder => ({
      identityKey: String(r.identity_key), holderId: String(r.holder_id), kind: r.kind === 'customer' ? 'customer' : 'application', productLine: r.product_line ?? null,
    }));
  }

  private async delegations(query: FactsNeeded['delegation']): Promise<Delegation[]> {
    if (!query) return [];
    const rows = await this.readModels.db
      .selectFrom(DELEGATIONS_TABLE)
      .selectAll()
      .where('delegator_id', '=', query.delegatorId)
      .where('delegate_id', '=', query.delegateId)
      .where('role', '=', query.role)
      .where(notRevoked)
      .execute();
    return rows.map(delegationOfRow);
  }
}

export function delegationOfRow(r: Record<string, any>): Delegation {
  return { delegationId: r.delegation_id, delegatorId: r.delegator_id, delegateId: r.delegate_id, role: r.role, from: r.valid_from, until: r.valid_until };
}
