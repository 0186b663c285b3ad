import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { archiveFilingWorkflow, customerWorkflow, type FileArchiveRecord, type FilingKind } from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { REACTOR_RUNNER } from '../process/process.tokens';
import type { Reactor } from '../process/reactor';
import type { ReactorRunner } from '../process/reactor.runner';
import { ExecuteWorkflowCommand } from '../workflows/execute-workflow.command';

export const ARCHIVE_FILING_ACTOR: Actor = { id: 'system:archive-filing', roles: [], system: true };

/** The archive events that are "customer records" (所有客户资料) to file, and what each is. */
export const FILED_EVENTS: Readonly<Record<string, FilingKind>> = {
  CustomerArchiveOpened: 'archive_opened',
  CustomerInformationChanged: 'information_changed',
  QualificationDocumentRenewed: 'document_renewed',
  QualificationDocumentAdded: 'document_added',
  CustomerIdentityChanged: 'identity_changed',
};

type Data = { changes?: Record<string, unknown>; documentId?: string; openedAt?: string; changedAt?: string; renewedAt?: string; addedAt?: string };
const fieldsOf = (type: string, data: Data): string[] => {
  if (data.changes) return Object.keys(data.changes).sort();
  if (type === 'QualificationDocumentRenewed' || type === 'QualificationDocumentAdded') return data.documentId ? [`documents.${data.documentId}`] : [];
  return [];
};

/**
 * R-ARC-3 "所有客户资料报产品经销公司化工品销售部备案" (ADR 0024): every archive opening and change is filed
 * with the parent's chemicals sales department on the customer's own filing ledger
 * (`archive-filing-<customerId>`), one filing per archive event, keyed by that event's id: a
 * redelivery files nothing twice. The filing event names the department, so the one outbox tells it.
 */
@Injectable()
export class ArchiveFilingProcess implements Reactor, OnModuleInit {
  readonly name = 'archive-filing-files-changes';
  readonly eventTypes = Object.keys(FILED_EVENTS);

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(REACTOR_RUNNER) private readonly runner: ReactorRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async react(event: StoredEvent): Promise<void> {
    const prefix = `${customerWorkflow.streamPrefix}-`;
    if (!event.streamId.startsWith(prefix)) return;
    const customerId = event.streamId.slice(prefix.length);
    const data = event.data as Data;
    const occurredAt = data.openedAt ?? data.changedAt ?? data.renewedAt ?? data.addedAt ?? event.metadata.occurredAt;
    const record: FileArchiveRecord = {
      filingId: event.id, customerId, kind: FILED_EVENTS[event.type], sourceEventId: event.id, sourceEventType: event.type, fields: fieldsOf(event.type, data), occurredAt,
    };
    const meta = { actor: ARCHIVE_FILING_ACTOR, now: occurredAt, idempotencyKey: `archive-filing:${event.id}`, correlationId: event.metadata.correlationId, causationId: event.id };
    await this.commandBus.execute(new ExecuteWorkflowCommand(archiveFilingWorkflow.name, customerId, { type: 'FileArchiveRecord', data: record, meta }));
  }
}
