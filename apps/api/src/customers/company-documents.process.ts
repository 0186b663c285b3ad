import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type CustomerContext, type QualificationDocumentRenewed, customerWorkflow } from '@crm/customers';
import type { ProjectionRunner, ReadModelDb, WorkflowEngine } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { type Actor, DomainRuleViolation, NotPermitted, TransitionNotAllowed } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { CUSTOMERS_TABLE } from './read-models/customers.projection';

export const COMPANY_DOCUMENTS_ACTOR: Actor = { id: 'system:company-documents', roles: [], system: true };

/**
 * R-ARC-4 / ADR 0020: a company document (its business licence, say) renewed on one product-line
 * registration is renewed on the company's other registrations that hold the same document (same
 * kind and number) with an earlier validity, so no registration is suspended (R-EVAL-1) for a
 * licence the company did renew. Each renewal is the archive's own command, checked by its rules;
 * keyed by the renewal's event id, a redelivery renews nothing twice, and the carried-over renewal
 * finds nothing older to carry further.
 */
@Injectable()
export class CompanyDocumentsProcess implements Reactor, OnModuleInit {
  readonly name = 'company-documents-follow-renewals';
  readonly eventTypes = ['QualificationDocumentRenewed'];
  private readonly logger = new Logger('company-documents-follow-renewals');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    if (!event.streamId.startsWith(`${customerWorkflow.streamPrefix}-`)) return;
    const customerId = event.streamId.slice(customerWorkflow.streamPrefix.length + 1);
    const renewed = event.data as unknown as QualificationDocumentRenewed;
    for (const sibling of await this.siblingsOf(customerId, event.position)) {
      const { state } = await this.engine.load(customerWorkflow, sibling);
      const doc = Object.values((state.context as CustomerContext).documents)
        .find((d) => d.kind === renewed.kind && d.number === renewed.previous.number && d.validUntil < renewed.validUntil);
      if (!doc) continue;
      const data = { documentId: doc.documentId, number: renewed.number, validFrom: renewed.validFrom, validUntil: renewed.validUntil, ...(renewed.file ? { file: renewed.file } : {}) };
      const meta = { actor: COMPANY_DOCUMENTS_ACTOR, now: renewed.renewedAt, idempotencyKey: `${event.id}:${sibling}`, correlationId: event.metadata.correlationId, causationId: event.id };
      try {
        await this.commandBus.execute(new ExecuteWorkflowCommand(customerWorkflow.name, sibling, { type: 'RenewQualificationDocument', data, meta }));
      } catch (error) {
        // a registration that is disqualified, or holds the document under other rules, keeps its own copy
        if (!(error instanceof DomainRuleViolation || error instanceof TransitionNotAllowed || error instanceof NotPermitted)) throw error;
        this.logger.warn(`renewal of ${renewed.kind} on ${customerId} not carried over to ${sibling}: ${error.message}`);
      }
    }
  }

  /** The company's other registrations, by its identity key in the customer list. */
  private async siblingsOf(customerId: string, position: number): Promise<string[]> {
    await waitForProjections(this.projections, ['customers'], position);
    const row = await this.readModels.db.selectFrom(CUSTOMERS_TABLE).select('identity_key').where('customer_id', '=', customerId).executeTakeFirst();
    if (!row?.identity_key) return [];
    const rows = await this.readModels.db.selectFrom(CUSTOMERS_TABLE).select('customer_id')
      .where('identity_key', '=', row.identity_key).where('customer_id', '!=', customerId).orderBy('customer_id').execute();
    return rows.map((r) => String(r.customer_id));
  }
}
