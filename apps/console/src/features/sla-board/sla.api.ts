import type { ApiClient } from '../../api/api-client';
import type { ComplaintRow } from '../complaints/complaints.api';

/** One warning or breach (`GET /sla/alerts`, and the data of each SSE event). */
export interface SlaAlert {
  id: string;
  position: number;
  kind: 'warning' | 'breach';
  complaintId: string;
  customerId: string | null;
  customerName?: string | null;
  class: string;
  dueAt: string;
  warnAt: string | null;
  workingDays: number | null;
  escalatedTo: string | null;
  at: string;
}

export type BoardRow = ComplaintRow & { workingTimeLeftMs: number | null; leftProvisional: boolean; error?: string | null };

export interface SlaBoard {
  /** the service's clock */
  now: string;
  open: BoardRow[];
  breached: Array<ComplaintRow & { lastBreachAt: string }>;
}

export interface StatsCell {
  month: string;
  class: string;
  department: string;
  classified: number;
  breached: number;
  breachRate: number;
}

/** SSE event names of `GET /sla/alerts/stream` (the domain events behind the alerts). */
export const ALERT_EVENTS = { warning: 'ComplaintSlaWarned', breach: 'ComplaintSlaBreached' } as const;

export const slaApi = {
  board: (api: ApiClient, minPosition?: number) => api.get<SlaBoard>('/sla/board', { limit: 200, minPosition }),
  alerts: (api: ApiClient) => api.get<{ items: SlaAlert[]; nextAfterPosition: number | null }>('/sla/alerts', { limit: 500 }),
  stats: (api: ApiClient, from: string, to: string, minPosition?: number) => api.get<{ items: StatsCell[] }>('/sla/stats', { from, to, minPosition }),
};
