import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type PolicyCheck, type ProposalContext, proposalWorkflow } from '@crm/committee';
import { ComplaintPolicy, DEFAULT_COMPLAINT_POLICY, DEFAULT_READINGS } from '@crm/complaints';
import type { WorkflowEngine } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { DomainRuleViolation } from '@crm/workflow-kit';
import { StreamChanges } from '../infrastructure/stream-changes';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';

export const COMPLAINT_POLICY_STREAM = 'complaint-policies';
export const POLICY_RULE = 'CMP-POLICY';
/** R-PRICE-1 审议公司客户管理方案和机制: a policy comes into force only by the committee's approval */
export const COMMITTEE_POLICY_RULE = 'R-PRICE-1';

/** The committee decision a version was published by; null for the shipped default and versions published before it was required. */
export interface PolicyApproval {
  proposalId: string;
  decidedBy: 'committee' | 'group';
  decidedAt: string;
}

export interface PolicyVersion {
  policy: ComplaintPolicy;
  publishedBy: string | null;
  publishedAt: string | null;
  /** global position of the ComplaintPolicyPublished event; null for the shipped default */
  position: number | null;
  approval: PolicyApproval | null;
}

const SHIPPED: PolicyVersion = { policy: DEFAULT_COMPLAINT_POLICY, publishedBy: null, publishedAt: null, position: null, approval: null };

/**
 * The complaint policy in force, as versioned data: the shipped default until the price and
 * customer committee approves a version (ComplaintPolicyPublished on its own stream). Each replica
 * re-reads the stream once the change feed tells it moved (ADR 0031). Only RecordComplaint reads
 * it: the complaint keeps its copy, so work in flight keeps the version it started with.
 */
@Injectable()
export class ComplaintPolicyService {
  private loaded: { revision: number | null; stamp: number; versions: PolicyVersion[] } | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    private readonly changes: StreamChanges,
  ) {
    changes.watch((streamId) => streamId === COMPLAINT_POLICY_STREAM);
  }

  async current(): Promise<PolicyVersion> {
    const versions = await this.versions();
    return versions[versions.length - 1];
  }

  /** Every version ever in force, oldest first (the shipped default first). */
  async versions(): Promise<PolicyVersion[]> {
    return (await this.load()).versions;
  }

  private async load(): Promise<NonNullable<ComplaintPolicyService['loaded']>> {
    if (this.loaded && !(await this.changes.changedSince(COMPLAINT_POLICY_STREAM, this.loaded.stamp))) return this.loaded;
    const stamp = await this.changes.stamp();
    const events = await this.store.readStream(COMPLAINT_POLICY_STREAM);
    // a version published before the policy text's bounds were enforced (e.g. 30 working days) never comes into force
    const published = events.flatMap((e) => {
      const parsed = ComplaintPolicy.safeParse(e.data.policy);
      const approval = (e.data.approval as unknown as PolicyApproval | undefined) ?? null;
      return parsed.success ? [{ policy: parsed.data, publishedBy: e.metadata.actor, publishedAt: e.metadata.occurredAt, position: e.position, approval }] : [];
    });
    this.loaded = { revision: events.at(-1)?.revision ?? null, stamp, versions: [SHIPPED, ...published] };
    return this.loaded;
  }

  /** What a proposal of this content would put before the committee: a whole policy, with a version never used. */
  async check(content: Record<string, unknown>): Promise<PolicyCheck> {
    const parsed = ComplaintPolicy.safeParse(content);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, rule: 'SCHEMA', field: issue.path.join('.'), message: issue.message };
    }
    const versions = await this.versions();
    if (versions.some((v) => v.policy.version === parsed.data.version)) {
      return { ok: false, rule: POLICY_RULE, field: 'version', message: `policy version ${parsed.data.version} was already published; choose a new version` };
    }
    // ADR 0026: the committee votes on the readings too; a proposal naming none names the ones the product runs
    const withReadings = { ...parsed.data, readings: parsed.data.readings ?? DEFAULT_READINGS };
    return { ok: true, version: parsed.data.version, previousVersion: versions[versions.length - 1].policy.version, content: withReadings as unknown as Record<string, unknown> };
  }

  /**
   * R-PRICE-1: publishes the version a committee proposal approved, word for word. The approval is
   * read from the proposal's own stream here, where the event is decided, so no caller can publish
   * a version the committee did not approve. Publishing the same proposal again writes nothing.
   */
  async publishApproved(proposalId: string, actorId: string, now: Date): Promise<PolicyVersion> {
    const { state } = await this.engine.load(proposalWorkflow, proposalId);
    const proposal = state.context as ProposalContext;
    const decided = await this.approvalOf(proposalId, state.state, proposal);
    const policy = ComplaintPolicy.parse(proposal.policy?.content);
    const { versions, revision } = await this.load();
    const already = versions.find((v) => v.approval?.proposalId === proposalId);
    if (already) return already;
    if (versions.some((v) => v.policy.version === policy.version)) {
      throw new DomainRuleViolation(POLICY_RULE, `policy version ${policy.version} was published meanwhile; the approved proposal ${proposalId} cannot reuse it`, 'version');
    }
    const approval: PolicyApproval = { proposalId, decidedBy: decided.decidedBy, decidedAt: decided.at };
    const { position } = await this.store.appendToStream(
      COMPLAINT_POLICY_STREAM,
      [
        {
          id: randomUUID(),
          type: 'ComplaintPolicyPublished',
          data: { policy: policy as never, previousVersion: versions[versions.length - 1].policy.version, approval: approval as never },
          metadata: { actor: actorId, correlationId: randomUUID(), causationId: null, occurredAt: now.toISOString(), schemaVersion: 1 },
        },
      ],
      // two publications at once: the second gets a 409 and, retried, finds this one
      { expectedRevision: revision === null ? 'no_stream' : revision },
    );
    return { policy, publishedBy: actorId, publishedAt: now.toISOString(), position, approval };
  }

  private async approvalOf(proposalId: string, stateName: string, proposal: ProposalContext): Promise<{ decidedBy: 'committee' | 'group'; at: string }> {
    if (stateName !== 'approved' || proposal.policy?.kind !== 'complaint-sla') {
      throw new DomainRuleViolation(COMMITTEE_POLICY_RULE, `proposal ${proposalId} is not a complaint policy the committee approved (${stateName})`, 'proposalId');
    }
    const events = await this.store.readStream(`${proposalWorkflow.streamPrefix}-${proposalId}`);
    const approved = events.find((e) => e.type === 'ProposalApproved');
    return { decidedBy: approved?.data.decidedBy === 'group' ? 'group' : 'committee', at: String(approved?.data.at ?? approved?.metadata.occurredAt) };
  }
}
