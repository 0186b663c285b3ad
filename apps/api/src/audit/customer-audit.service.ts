import { Inject, Injectable } from '@nestjs/common';
import {
  auditLogStreamOf, auditRecordViewedEvent, type AuditedRead, type CustomerStreamRow,
  customerStreamsProjection, findCustomerStreams, loadCustomerEvents, lookupWith, type WorkflowLookup,
} from '@crm/audit';
import type { ProjectionRunner, ReadModelDb, WorkflowRegistry } from '@crm/engine';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@crm/event-store';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { CustomerAccess } from '../customers/customer-access';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { WORKFLOW_REGISTRY } from '../workflows/workflow.tokens';

export interface CustomerRecord {
  customerId: string;
  streams: CustomerStreamRow[];
  events: StoredEvent[];
}

/**
 * Loads everything that concerns one customer (only its own streams, found through the
 * customer-streams read model brought up to the store's head), checks who may read it, and
 * records each auditor's read as an AuditRecordViewed event before answering.
 */
@Injectable()
export class CustomerAuditService {
  readonly lookup: WorkflowLookup;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(WORKFLOW_REGISTRY) registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: CustomerAccess,
  ) {
    this.lookup = lookupWith((streamId) => registry.byStreamId(streamId)?.workflow);
  }

  async load(customerId: string, actor: Actor): Promise<CustomerRecord> {
    // complete up to now: a stream the read model has not seen yet would be missing from the record
    await waitForProjections(this.runner, [customerStreamsProjection.name], await this.store.headPosition());
    const streams = await findCustomerStreams(this.readModels.db, customerId);
    if (streams.length === 0) throw new WorkflowNotFound(`customer-${customerId}`);
    // roles are the endpoint's (auditor, administrator, customer manager); a manager reads only their own (R-KAM-2)
    await this.access.assertMayRead(actor, customerId);
    const events = await loadCustomerEvents(this.store, streams.map((s) => s.streamId));
    return { customerId, streams, events };
  }

  /** Fails the read when the record of it cannot be written: no unrecorded auditor reads. */
  async recordRead(actor: Actor, customerId: string, what: AuditedRead, query: Record<string, string | number | null | undefined>): Promise<void> {
    if (!actor.roles.includes('auditor')) return;
    const at = this.clock.now().toISOString();
    const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as Record<string, string | number | null>;
    await this.store.appendToStream(auditLogStreamOf(at), [auditRecordViewedEvent({ who: actor.id, customerId, what, at, query: clean })]);
  }
}
