import { randomUUID } from 'node:crypto';
import type { EventMetadata, JsonObject, NewEvent } from '@crm/event-store';
import { type AnyCommand, type AnyDomainEvent, type AnyWorkflow, ENGINE_EVENT_TYPES } from '@crm/workflow-kit';
import { EventSchemaViolation } from './engine.errors';
import { scopedKey } from './idempotency';
import { uuidV5 } from './uuid-v5';

/**
 * Wraps what a decider produced into storable events. With an idempotency key the ids are
 * name-based (stream + the key scoped by actor and command type + index), so a retry after a lost
 * acknowledgement re-sends the very same ids and the store acknowledges instead of duplicating,
 * while another actor's request with the same key string gets ids of its own (idempotency.ts).
 */
export function toNewEvents(workflow: AnyWorkflow, streamId: string, command: AnyCommand, events: AnyDomainEvent[]): NewEvent[] {
  const key = scopedKey(command);
  const correlationId = command.meta.correlationId ?? command.meta.idempotencyKey ?? randomUUID();
  return events.map((event, index) => ({
    id: key ? uuidV5(`event:${streamId}:${key}:${index}`) : randomUUID(),
    type: event.type,
    data: checkedData(workflow, event),
    metadata: metadataOf(workflow, command, event.type, correlationId),
  }));
}

function metadataOf(workflow: AnyWorkflow, command: AnyCommand, type: string, correlationId: string): EventMetadata {
  const { actor, now, idempotencyKey, causationId, importedFrom } = command.meta;
  const metadata: EventMetadata = {
    actor: actor.id,
    correlationId,
    causationId: causationId ?? null,
    occurredAt: now,
    schemaVersion: ENGINE_EVENT_TYPES.has(type) ? 1 : (workflow.eventSchemaVersions?.[type] ?? 1),
    machineVersion: workflow.version,
    workflow: workflow.name,
    commandType: command.type,
  };
  if (actor.name) metadata.actorName = actor.name;
  if (idempotencyKey) metadata.idempotencyKey = idempotencyKey;
  if (importedFrom) metadata.importedFrom = { file: importedFrom.file, sha256: importedFrom.sha256, line: importedFrom.line };
  return metadata;
}

/** Domain events are checked against their zod schema before they become history forever. */
function checkedData(workflow: AnyWorkflow, event: AnyDomainEvent): JsonObject {
  if (ENGINE_EVENT_TYPES.has(event.type)) return event.data as JsonObject;
  const schema = workflow.eventSchemas[event.type];
  if (!schema) throw new EventSchemaViolation(workflow.name, event.type, 'no schema declared');
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EventSchemaViolation(workflow.name, event.type, `${issue.path.join('.')}: ${issue.message}`);
  }
  return JSON.parse(JSON.stringify(parsed.data)) as JsonObject;
}
