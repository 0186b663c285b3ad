import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { PLANT_OFFICES_STREAM, PlantOfficeConfigured, type PlantOfficeRemoved } from './plant-office.events';
import { plantOfficeGroup } from './recipient-groups';

export interface PlantOffice extends PlantOfficeConfigured {
  /** the recipient group its notifications are addressed to (channels are configured on it) */
  recipient: string;
  configuredBy: string;
  configuredAt: string;
}

/**
 * The plant office registry as events (who changed which office when stays on record, and the
 * outbox resolves "相应的驻厂办" at each event's place in the global order, so a rebuild gives the
 * same recipients). Appends name the revision read: two administrators at once get a 409.
 */
@Injectable()
export class PlantOfficesService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async list(): Promise<{ revision: number | null; items: PlantOffice[] }> {
    const revision = await this.store.streamRevision(PLANT_OFFICES_STREAM);
    const offices = new Map<string, PlantOffice>();
    for (const event of revision === null ? [] : await this.store.readStream(PLANT_OFFICES_STREAM)) {
      const officeId = String(event.data.officeId);
      if (event.type === 'PlantOfficeRemoved') offices.delete(officeId);
      if (event.type !== 'PlantOfficeConfigured') continue;
      const office = PlantOfficeConfigured.parse(event.data);
      offices.set(officeId, { ...office, recipient: plantOfficeGroup(officeId), configuredBy: event.metadata.actor ?? '', configuredAt: event.metadata.occurredAt });
    }
    return { revision, items: [...offices.values()].sort((a, b) => a.officeId.localeCompare(b.officeId)) };
  }

  async configure(office: PlantOfficeConfigured, actor: Actor, now: Date): Promise<{ position: number }> {
    const { revision } = await this.list();
    return this.append(revision, 'PlantOfficeConfigured', office, actor, now);
  }

  async remove(removal: PlantOfficeRemoved, actor: Actor, now: Date): Promise<{ position: number }> {
    const { revision, items } = await this.list();
    if (!items.some((o) => o.officeId === removal.officeId)) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no plant office ${removal.officeId}`, rule: 'NOT-FOUND' });
    }
    return this.append(revision, 'PlantOfficeRemoved', removal, actor, now);
  }

  private async append(revision: number | null, type: string, data: object, actor: Actor, now: Date): Promise<{ position: number }> {
    const event = {
      id: randomUUID(),
      type,
      data: data as never,
      metadata: { actor: actor.id, correlationId: randomUUID(), causationId: null, occurredAt: now.toISOString(), schemaVersion: 1 },
    };
    const { position } = await this.store.appendToStream(PLANT_OFFICES_STREAM, [event], { expectedRevision: revision === null ? 'no_stream' : revision });
    return { position };
  }
}
