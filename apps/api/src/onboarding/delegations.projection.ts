import type { Projection } from '@crm/engine';
import type { ExpressionBuilder } from 'kysely';
import type { DelegationGranted, DelegationRevoked } from './delegation.events';

export const DELEGATIONS_PROJECTION = 'delegations';
export const DELEGATIONS_TABLE = 'delegations';
/** One row per revoked delegation (a table of its own: tables made by version 1 stay as they are). */
export const DELEGATION_REVOCATIONS_TABLE = 'delegation_revocations';

/** For a query over DELEGATIONS_TABLE: the row's delegation has not been revoked. */
export function notRevoked(eb: ExpressionBuilder<any, any>) {
  return eb.not(
    eb.exists(eb.selectFrom(DELEGATION_REVOCATIONS_TABLE).select('delegation_id').whereRef(`${DELEGATION_REVOCATIONS_TABLE}.delegation_id`, '=', `${DELEGATIONS_TABLE}.delegation_id`)),
  );
}

/**
 * Every delegation granted (one row per `delegation-<id>` stream) and every revocation; the
 * decider's lookup and the inbox read those not revoked. Inserts only, keyed by delegation id:
 * replaying any event twice changes nothing.
 */
export function delegationsProjection(): Projection {
  return {
    name: DELEGATIONS_PROJECTION,
    // 2: revocations
    version: 2,
    eventTypes: ['DelegationGranted', 'DelegationRevoked'],
    tables: [
      { name: DELEGATIONS_TABLE, orderBy: 'delegation_id' },
      { name: DELEGATION_REVOCATIONS_TABLE, orderBy: 'delegation_id' },
    ],
    async migrate(db) {
      await db.schema
        .createTable(DELEGATIONS_TABLE)
        .ifNotExists()
        .addColumn('delegation_id', 'text', (c) => c.primaryKey())
        .addColumn('delegator_id', 'text', (c) => c.notNull())
        .addColumn('delegate_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('delegations_delegate').ifNotExists().on(DELEGATIONS_TABLE).columns(['delegate_id', 'role']).execute();
      await db.schema
        .createTable(DELEGATION_REVOCATIONS_TABLE)
        .ifNotExists()
        .addColumn('delegation_id', 'text', (c) => c.primaryKey())
        .addColumn('revoked_by', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('position', 'bigint', (c) => c.notNull())
        .execute();
    },
    async reset(trx) {
      await trx.deleteFrom(DELEGATIONS_TABLE).execute();
      await trx.deleteFrom(DELEGATION_REVOCATIONS_TABLE).execute();
    },
    async apply(event, trx) {
      if (event.type === 'DelegationRevoked') {
        const { delegationId, revokedBy, reason, at } = event.data as unknown as DelegationRevoked;
        await trx
          .insertInto(DELEGATION_REVOCATIONS_TABLE)
          .values({ delegation_id: delegationId, revoked_by: revokedBy, revoked_at: at, reason, position: event.position })
          .onConflict((oc) => oc.column('delegation_id').doNothing())
          .execute();
        return;
      }
      const { delegation: d, grantedBy, at } = event.data as unknown as DelegationGranted;
      await trx
        .insertInto(DELEGATIONS_TABLE)
        .values({
          delegation_id: d.delegationId, delegator_id: d.delegatorId, delegate_id: d.delegateId, role: d.role,
          valid_from: d.from, valid_until: d.until, granted_by: grantedBy, granted_at: at, position: event.position,
        })
        .onConflict((oc) => oc.column('delegation_id').doNothing())
        .execute();
    },
  };
}
