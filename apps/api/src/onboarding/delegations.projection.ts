import type { Projection } from '@crm/engine';
import type { DelegationGranted } from './delegation.events';

export const DELEGATIONS_PROJECTION = 'delegations';
export const DELEGATIONS_TABLE = 'delegations';

/** Every delegation granted (one row per `delegation-<id>` stream); the decider's lookup reads it. */
export function delegationsProjection(): Projection {
  return {
    name: DELEGATIONS_PROJECTION,
    version: 1,
    eventTypes: ['DelegationGranted'],
    tables: [{ name: DELEGATIONS_TABLE, orderBy: 'delegation_id' }],
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
    },
    async reset(trx) {
      await trx.deleteFrom(DELEGATIONS_TABLE).execute();
    },
    async apply(event, trx) {
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
