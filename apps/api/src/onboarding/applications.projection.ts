import type { Projection } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { type ApplicationForm, onboardingEventSchemas } from '@crm/onboarding';
import type { Kysely } from 'kysely';
import { historyRow } from './applications.history';
import { APPLICATIONS_TABLE, APPROVERS_TABLE, HISTORY_TABLE, migrateApplicationTables } from './applications.tables';

export const APPLICATIONS_PROJECTION = 'onboarding-applications';

type Data = Record<string, any>;
type RowChange = Record<string, unknown> | null;

const NEXT: Record<string, string | null> = { SalesReviewApproved: 'finance', FinanceReviewApproved: 'generalManager', GeneralManagerApproved: null };
const opens = (step: string | null, at: string) => ({ pending_step: step, pending_since: step ? at : null, assignee: null, reminded: 0 });
const closes = { pending_step: null, pending_since: null, assignee: null, reminded: 0 };

function formColumns(form: ApplicationForm, identityKey: string) {
  return { company_name: form.companyName, customer_manager_id: form.customerManagerId, product_line: form.productLine, identity_key: identityKey, form: JSON.stringify(form) };
}

/** How an event changes the application's row (absolute values, so re-applying is harmless). */
function rowChange(type: string, d: Data): RowChange {
  switch (type) {
    case 'ApplicationAmended':
      return formColumns(d.form, d.identityKey);
    case 'ApplicationSubmitted':
      return { status: 'in_review', round: d.round, ...opens('sales', d.at) };
    case 'SalesReviewApproved':
    case 'FinanceReviewApproved':
    case 'GeneralManagerApproved':
      return opens(NEXT[type], d.at);
    case 'ApplicationApproved':
      return { status: 'approved', customer_id: d.customerId, ...closes };
    case 'ApplicationRejected':
      return { status: 'rejected', ...closes };
    case 'ApplicationReturnedForRevision':
      return { status: 'returned', ...closes };
    case 'ApplicationWithdrawn':
      return { status: 'withdrawn', ...closes };
    case 'StepReassigned':
      return { assignee: d.to };
    case 'StepReminderSent':
      return { reminded: 1 };
    default:
      return null;
  }
}

async function insertDraft(trx: Kysely<any>, event: StoredEvent, d: Data) {
  await trx
    .insertInto(APPLICATIONS_TABLE)
    .values({
      application_id: d.applicationId, applicant_id: d.applicantId, ...formColumns(d.form, d.identityKey), status: 'draft', round: 0,
      ...closes, customer_id: null, created_at: d.at, updated_at: d.at, last_position: event.position,
    })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .execute();
}

async function recordApprovers(trx: Kysely<any>, applicationId: string, type: string, d: Data) {
  const step = type === 'SalesReviewApproved' ? 'sales' : type === 'FinanceReviewApproved' ? 'finance' : type === 'GeneralManagerApproved' ? 'generalManager' : null;
  if (!step) return;
  for (const person of [d.by, d.onBehalfOf].filter(Boolean) as string[]) {
    await trx
      .insertInto(APPROVERS_TABLE)
      .values({ approval_key: `${applicationId}|${step}|${person}`, application_id: applicationId, step, person_id: person })
      .onConflict((oc) => oc.column('approval_key').doNothing())
      .execute();
  }
}

/**
 * Applications with their decision history, and the pending step each waits on (the inbox reads
 * it). Row updates apply only events newer than the row (`last_position`), history rows are keyed
 * by event id: replaying any event, or the whole store, twice changes nothing.
 */
export function applicationsProjection(): Projection {
  return {
    name: APPLICATIONS_PROJECTION,
    version: 1,
    // a voided application was never drafted: there is no row to keep, nor a history to show
    eventTypes: Object.keys(onboardingEventSchemas).filter((type) => type !== 'ApplicationVoided'),
    tables: [
      { name: APPLICATIONS_TABLE, orderBy: 'application_id' },
      { name: HISTORY_TABLE, orderBy: 'event_id' },
      { name: APPROVERS_TABLE, orderBy: 'approval_key' },
    ],
    migrate: (db) => migrateApplicationTables(db),
    async reset(trx) {
      for (const table of [APPLICATIONS_TABLE, HISTORY_TABLE, APPROVERS_TABLE]) await trx.deleteFrom(table).execute();
    },
    async apply(event, trx) {
      const d = event.data as Data;
      const applicationId = event.streamId.slice('onboarding-'.length);
      if (event.type === 'ApplicationDrafted') await insertDraft(trx, event, d);
      const change = rowChange(event.type, d);
      if (change) {
        await trx
          .updateTable(APPLICATIONS_TABLE)
          .set({ ...change, updated_at: d.at ?? event.metadata.occurredAt, last_position: event.position })
          .where('application_id', '=', applicationId)
          .where('last_position', '<', event.position)
          .execute();
      }
      await recordApprovers(trx, applicationId, event.type, d);
      await trx.insertInto(HISTORY_TABLE).values(historyRow(event, applicationId)).onConflict((oc) => oc.column('event_id').doNothing()).execute();
    },
  };
}
