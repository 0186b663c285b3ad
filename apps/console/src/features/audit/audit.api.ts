import type { ApiClient } from '../../api/api-client';

import type { Wording } from '@crm/workflow-kit';

export interface StateSummary {
  workflow: string | null;
  state: string | null;
  /** the state's name for people; null where its workflow gives none */
  label: Wording | null;
  done: boolean;
}

/** One event of `GET /customers/:id/history`, in global order. */
export interface HistoryEntry {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  /** the event's name for people */
  title: Wording;
  actor: string;
  /** who acted, as people name them: 王经理（客户经理） */
  actorLabel: Wording;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  stateBefore: StateSummary;
  stateAfter: StateSummary;
  changes: Array<{ path: string; before: unknown; after: unknown }>;
}

export interface HistoryPage {
  customerId: string;
  total: number;
  offset: number;
  entries: HistoryEntry[];
  nextOffset: number | null;
}

export interface ComplaintAsOf {
  complaintId: string | null;
  state: string;
  class: string | null;
  dueAt: string | null;
  clock: 'not_started' | 'running' | 'stopped';
  workingTimeLeftMs: number | null;
  breached: boolean;
  breachesOnRecord: number;
}

export interface CustomerAsOf {
  customerId: string;
  at: string;
  basis: { events: number; streams: number; lastPosition: number | null };
  archive: {
    name: string | null;
    status: string;
    grade: string | null;
    productLine: string | null;
    customerManagerId: string | null;
    region: string | null;
    openedAt: string | null;
    documents: Array<{ documentId: string; kind: string; number: string; validUntil: string; expired: boolean; warned: boolean }>;
    suspendedSince: string | null;
    disqualifiedAt: string | null;
    pickups: { live: number; tonnes: number };
  };
  onboarding: { streamId: string; state: string } | null;
  complaints: { open: ComplaintAsOf[]; closed: number };
  pendingApprovals: Array<{ kind: string; streamId: string; awaiting: string; since: string | null }>;
}

export interface Verification {
  customerId: string;
  ok: boolean;
  checked: number;
  firstBreak?: { streamId: string; revision: number; position: number; reason: string };
  streams: Array<{ streamId: string; events: number; headHash: string; ok: boolean }>;
  spans: Array<{ streamId: string; reason: string; seen: number; stored: number | null }>;
}

export interface CustomerSummary {
  customerId: string;
  name: string;
  status: string;
  grade: string | null;
  identifiers?: Record<string, string> | null;
}

export type ExportFormat = 'jsonl' | 'csv' | 'html';

const path = (id: string, rest: string) => `/customers/${encodeURIComponent(id)}/${rest}`;

/** The auditor's reads; the API records every one of them (AuditRecordViewed). */
export const auditApi = {
  customers: (api: ApiClient) => api.get<{ items: CustomerSummary[] }>('/customers', { limit: 500 }),
  history: (api: ApiClient, id: string, offset = 0) => api.get<HistoryPage>(path(id, 'history'), { offset, limit: 200 }),
  asOf: (api: ApiClient, id: string, at: string) => api.get<CustomerAsOf>(path(id, 'as-of'), { at }),
  verify: (api: ApiClient, id: string) => api.get<Verification>(path(id, 'verify')),
  /**
   * The export's text. Fetched with the bearer header (the export refuses a token in the query);
   * the client parses JSON bodies, and a one-line JSON Lines export is one JSON object: back to text.
   */
  exportText: async (api: ApiClient, id: string, format: ExportFormat): Promise<string> => {
    const body = await api.get<unknown>(path(id, 'export'), { format });
    return typeof body === 'string' ? body : body === undefined ? '' : `${JSON.stringify(body)}\n`;
  },
};
