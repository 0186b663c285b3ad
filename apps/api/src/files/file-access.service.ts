import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { type Actor, NotPermitted, WorkflowNotFound } from '@crm/workflow-kit';
import { CustomerAccess, isManagerScoped } from '../customers/customer-access';
import { waitForProjections } from '../read-models/read-your-writes';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { fileStreamId, FileUploaded } from './file-upload.events';
import { FILE_REFERENCES_TABLE, FILES_PROJECTION } from './files.projection';

/** What a caller may download: the name to offer them and the record it is on. */
export interface ReadableFile {
  sha256: string;
  name: string;
}

interface ReferenceRow {
  name: string;
  customer_id: string | null;
  position: number | string;
}

/**
 * Who may read a file (ADR 0018): whoever may read a record that references it, by the one
 * ownership rule (R-KAM-2, customer-access.ts) — company-wide roles any file on record, a customer
 * manager only those on their own customers' records — and whoever uploaded it. Uploads are read
 * from the file's own stream (no lag: the uploader can fetch it at once); references from the read
 * model, waited to the head of the log so a document filed a moment ago counts.
 */
@Injectable()
export class FileAccess {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly customers: CustomerAccess,
  ) {}

  async readable(actor: Actor, sha256: string, minPosition?: number): Promise<ReadableFile> {
    const uploads = (await this.store.readStream(fileStreamId(sha256))).map((e) => FileUploaded.parse(e.data));
    await waitForProjections(this.runner, [FILES_PROJECTION], minPosition ?? (await this.store.headPosition()));
    const references = (await this.readModels.db.selectFrom(FILE_REFERENCES_TABLE).select(['name', 'customer_id', 'position'])
      .where('sha256', '=', sha256).where('customer_id', 'is not', null).orderBy('position', 'desc').execute()) as ReferenceRow[];
    if (uploads.length === 0 && references.length === 0) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule: 'NOT-FOUND', message: `no file ${sha256}` });
    }
    const own = uploads.filter((u) => u.uploadedBy === actor.id).at(-1);
    if (own) return { sha256, name: own.name };
    if (!isManagerScoped(actor)) return { sha256, name: references[0]?.name ?? uploads.at(-1)?.name ?? sha256 };
    for (const ref of references) {
      if (await this.mayReadCustomer(actor, ref.customer_id as string)) return { sha256, name: ref.name };
    }
    throw new NotPermitted('R-KAM-2', 'this file is on no record of your customers');
  }

  private async mayReadCustomer(actor: Actor, customerId: string): Promise<boolean> {
    try {
      await this.customers.assertMayRead(actor, customerId);
      return true;
    } catch (error) {
      if (error instanceof NotPermitted || error instanceof WorkflowNotFound) return false;
      throw error;
    }
  }
}
