import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ComplaintPolicy, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { type Actor, DomainRuleViolation } from '@crm/workflow-kit';

export const COMPLAINT_POLICY_STREAM = 'complaint-policies';
export const POLICY_RULE = 'CMP-POLICY';

export interface PolicyVersion {
  policy: ComplaintPolicy;
  publishedBy: string | null;
  publishedAt: string | null;
  /** global position of the ComplaintPolicyPublished event; null for the shipped default */
  position: number | null;
}

const SHIPPED: PolicyVersion = { policy: DEFAULT_COMPLAINT_POLICY, publishedBy: null, publishedAt: null, position: null };

/**
 * The complaint policy in force, as versioned data: the shipped default until an administrator
 * publishes a version (ComplaintPolicyPublished on its own stream). Each replica re-reads the
 * stream when its revision moved. Only RecordComplaint reads it: the complaint keeps its copy.
 */
@Injectable()
export class ComplaintPolicyService {
  private loaded: { revision: number | null; versions: PolicyVersion[] } = { revision: null, versions: [SHIPPED] };

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(): Promise<PolicyVersion> {
    const versions = await this.versions();
    return versions[versions.length - 1];
  }

  /** Every version ever in force, oldest first (the shipped default first). */
  async versions(): Promise<PolicyVersion[]> {
    const revision = await this.store.streamRevision(COMPLAINT_POLICY_STREAM);
    if (revision === this.loaded.revision) return this.loaded.versions;
    const events = await this.store.readStream(COMPLAINT_POLICY_STREAM);
    // a version published before the policy text's bounds were enforced (e.g. 30 working days) never comes into force
    const published = events.flatMap((e) => {
      const parsed = ComplaintPolicy.safeParse(e.data.policy);
      return parsed.success ? [{ policy: parsed.data, publishedBy: e.metadata.actor, publishedAt: e.metadata.occurredAt, position: e.position }] : [];
    });
    this.loaded = { revision, versions: [SHIPPED, ...published] };
    return this.loaded.versions;
  }

  /** A version number is never reused, so a complaint's recorded version names one policy only. */
  async publish(policy: ComplaintPolicy, actor: Actor, now: Date): Promise<PolicyVersion> {
    const versions = await this.versions();
    if (versions.some((v) => v.policy.version === policy.version)) {
      throw new DomainRuleViolation(POLICY_RULE, `policy version ${policy.version} was already published; choose a new version`, 'version');
    }
    const { position } = await this.store.appendToStream(
      COMPLAINT_POLICY_STREAM,
      [
        {
          id: randomUUID(),
          type: 'ComplaintPolicyPublished',
          data: { policy: policy as never, previousVersion: versions[versions.length - 1].policy.version },
          metadata: { actor: actor.id, correlationId: randomUUID(), causationId: null, occurredAt: now.toISOString(), schemaVersion: 1 },
        },
      ],
      // two administrators publishing at once: the second gets a 409 and sees the first version
      { expectedRevision: this.loaded.revision === null ? 'no_stream' : this.loaded.revision },
    );
    return { policy, publishedBy: actor.id, publishedAt: now.toISOString(), position };
  }
}
