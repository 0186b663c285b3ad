import type { Projection } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { ApplicationAmended, ApplicationApproved, ApplicationDrafted } from '@crm/onboarding';
import type { Kysely } from 'kysely';
import type { CustomerIdentityChanged } from '@crm/customers';
import { ensureColumns } from '../read-models/ensure-columns';

export const IDENTITY_KEYS_PROJECTION = 'onboarding-identity-keys';
export const IDENTITY_KEYS_TABLE = 'onboarding_identity_keys';

/** Events that open, re-key or close an application's claim on a company (ONB-DUPLICATE). */
const CLOSING = ['ApplicationRejected', 'ApplicationWithdrawn'];
/** R-ARC-1 (ADR 0024): a customer re-registered under another company key holds that key from then on. */
const MOVED = 'CustomerIdentityChanged';
const EVENT_TYPES = ['ApplicationDrafted', 'ApplicationAmended', 'ApplicationApproved', ...CLOSING, MOVED];

const applicationOf = (event: StoredEvent) => event.streamId.slice('onboarding-'.length);

async function claim(trx: Kysely<any>, event: StoredEvent, holderId: string, kind: string, applicationId: string, identityKey: string, productLine: string) {
  await trx
    .insertInto(IDENTITY_KEYS_TABLE)
    .values({ holder_id: holderId, kind, application_id: applicationId, identity_key: identityKey, product_line: productLine, open: 1, last_position: event.position })
    .onConflict((oc) => oc.column('holder_id').doNothing())
    .execute();
}

/** Later facts only: replaying an older event (or the same one) over a newer row changes nothing. */
function update(trx: Kysely<any>, event: StoredEvent, holderId: string, values: Record<string, unknown>) {
  return trx
    .updateTable(IDENTITY_KEYS_TABLE)
    .set({ ...values, last_position: event.position })
    .where('holder_id', '=', holderId)
    .where('last_position', '<', event.position)
    .execute();
}

/**
 * Who holds each company's identity key (`identityKeyOf(identifiers)`, carried on the events):
 * open applications (draft, in review, returned) and customers approved through onboarding. Rows
 * of closed applications stay as tombstones (`open = 0`) so a replayed creation cannot revive them.
 */
export function identityKeysProjection(): Projection {
  return {
    name: IDENTITY_KEYS_PROJECTION,
    // v2: the product line each holder applies for or is a customer of (R-TIER-1, ADR 0020)
    version: 2,
    eventTypes: EVENT_TYPES,
    tables: [{ name: IDENTITY_KEYS_TABLE, orderBy: 'holder_id' }],
    async migrate(db) {
      await db.schema
        .createTable(IDENTITY_KEYS_TABLE)
        .ifNotExists()
        .addColumn('holder_id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('application_id', 'text', (c) => c.notNull())
        .addColumn('identity_key', 'text', (c) => c.notNull())
        .addColumn('open', 'integer', (c) => c.notNull())
        .addColumn('last_position', 'bigint', (c) => c.notNull())
        .execute();
      await ensureColumns(db, IDENTITY_KEYS_TABLE, [['product_line', 'text']]);
      await db.schema.createIndex('onboarding_identity_keys_key').ifNotExists().on(IDENTITY_KEYS_TABLE).columns(['identity_key', 'open']).execute();
    },
    async reset(trx) {
      await trx.deleteFrom(IDENTITY_KEYS_TABLE).execute();
    },
    async apply(event, trx) {
      if (event.type === MOVED) {
        const moved = (event.data as unknown as CustomerIdentityChanged).identityKey;
        if (moved.after !== null && moved.after !== moved.before) await update(trx, event, event.streamId.slice('customer-'.length), { identity_key: moved.after });
        return;
      }
      const applicationId = applicationOf(event);
      switch (event.type) {
        case 'ApplicationDrafted': {
          const drafted = event.data as unknown as ApplicationDrafted;
          return claim(trx, event, applicationId, 'application', applicationId, drafted.identityKey, drafted.form.productLine);
        }
        case 'ApplicationAmended': {
          const amended = event.data as unknown as ApplicationAmended;
          await update(trx, event, applicationId, { identity_key: amended.identityKey, product_line: amended.form.productLine });
          return;
        }
        case 'ApplicationApproved': {
          const approved = event.data as unknown as ApplicationApproved;
          await update(trx, event, applicationId, { open: 0 });
          return claim(trx, event, approved.customerId, 'customer', applicationId, approved.identityKey, approved.productLine);
        }
        default:
          await update(trx, event, applicationId, { open: 0 });
      }
    },
  };
}
