import type { Kysely } from 'kysely';

export const APPLICATIONS_TABLE = 'onboarding_applications';
export const HISTORY_TABLE = 'onboarding_history';
/** Who approved which step of which application: the inbox leaves out what segregation of duties bars. */
export const APPROVERS_TABLE = 'onboarding_step_approvers';

export async function migrateApplicationTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable(APPLICATIONS_TABLE)
    .ifNotExists()
    .addColumn('application_id', 'text', (c) => c.primaryKey())
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('customer_manager_id', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('pending_step', 'text')
    .addColumn('pending_since', 'text')
    .addColumn('assignee', 'text')
    .addColumn('reminded', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('onboarding_applications_pending').ifNotExists().on(APPLICATIONS_TABLE).columns(['pending_step', 'pending_since']).execute();
  await db.schema.createIndex('onboarding_applications_manager').ifNotExists().on(APPLICATIONS_TABLE).columns(['customer_manager_id']).execute();
  await db.schema
    .createTable(HISTORY_TABLE)
    .ifNotExists()
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('round', 'integer')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('role', 'text')
    .addColumn('on_behalf_of', 'text')
    .addColumn('delegation_id', 'text')
    .addColumn('comment', 'text')
    .addColumn('details', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('onboarding_history_application').ifNotExists().on(HISTORY_TABLE).columns(['application_id', 'position']).execute();
  await db.schema
    .createTable(APPROVERS_TABLE)
    .ifNotExists()
    .addColumn('approval_key', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('onboarding_step_approvers_application').ifNotExists().on(APPROVERS_TABLE).columns(['application_id']).execute();
}
