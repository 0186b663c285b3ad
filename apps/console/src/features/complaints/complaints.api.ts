import type { ApiClient } from '../../api/api-client';
import type { Deadline } from '../calendar/calendar.api';

export type ComplaintClass = 'general' | 'major' | 'serious';
export type ComplaintChannel = 'phone' | 'email' | 'visit' | 'letter' | 'other';
export const CLASSES: readonly ComplaintClass[] = ['general', 'major', 'serious'];
export const CHANNELS: readonly ComplaintChannel[] = ['phone', 'email', 'visit', 'letter', 'other'];

/** A row of `GET /complaints` (the complaints read model). */
export interface ComplaintRow {
  complaintId: string;
  customerId: string;
  /** the company's name, when the customers read model knows it */
  customerName?: string | null;
  channel: ComplaintChannel;
  receivedAt: string;
  status: 'received' | 'open' | 'notified' | 'closed';
  class: ComplaintClass | null;
  department: string | null;
  handler: string | null;
  dueAt: string | null;
  escalated: boolean;
  warned: boolean;
  breached: boolean;
  position: number;
}

/** `sla` of `GET /complaints/:id`: the deadline in force and working time left at the service's now. */
export interface ComplaintSla {
  workingDays: number;
  due: string;
  warnAt: string;
  calendarVersion: string;
  provisional: boolean;
  clockRunning: boolean;
  now: string;
  workingTimeLeftMs: number | null;
  warned: boolean;
  breached: boolean;
  breaches: Array<{ dueAt: string; at: string }>;
}

export interface ComplaintDetail {
  id: string;
  /** dotted machine state: received, open.drafting, open.awaitingApproval, open.resolved, open.awaitingMeeting, notified, closed */
  state: string;
  revision: number;
  record: {
    customerId: string;
    receivedAt: string;
    channel: ComplaintChannel;
    content: string;
    loggedBy: string;
    class: ComplaintClass | null;
    extensionWorkingDays: number;
    notifiedAt: string | null;
    closedAt: string | null;
  };
  policyVersion: string | null;
  sla: ComplaintSla | null;
  pendingExtension: { requestId: string; additionalWorkingDays: number; workingDays: number; requestedBy: string; approvals: Array<{ by: string; role: string; at: string }> } | null;
  draft: { draftNo: number; department: string; text: string; handler: string; by: string } | null;
  resolution: { text: string; department: string; handler: string; decidedBy: string; via: string } | null;
}

export interface DeadlineExplanation {
  complaintId: string;
  receivedAt: string;
  class: ComplaintClass;
  policyVersion: string;
  workingDays: number;
  extensionWorkingDays: number;
  warnAt: string;
  deadline: Deadline;
  breaches: Array<{ dueAt: string; at: string }>;
}

export interface CommandAnswer {
  id: string;
  state: string;
  position: number;
}

export type RecordInput = { customerId: string; receivedAt: string; channel: ComplaintChannel; content: string };

/** Every complaint endpoint the console uses, in one place. */
export const complaintsApi = {
  list: (api: ApiClient, minPosition?: number) => api.get<{ items: ComplaintRow[] }>('/complaints', { limit: 200, minPosition }),
  /** one customer's complaints, newest receipt first (the read model's `customer` filter) */
  forCustomer: (api: ApiClient, customerId: string, limit: number) => api.get<{ items: ComplaintRow[] }>('/complaints', { customer: customerId, limit }),
  get: (api: ApiClient, id: string) => api.get<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}`),
  explain: (api: ApiClient, id: string) => api.get<DeadlineExplanation>(`/complaints/${encodeURIComponent(id)}/deadline/explain`),
  record: (api: ApiClient, body: RecordInput) => api.post<CommandAnswer>('/complaints', body),
  /** `action` is the path after /complaints/:id/, e.g. `classify` or `extensions/approve` */
  act: (api: ApiClient, id: string, action: string, body: object) => api.post<CommandAnswer>(`/complaints/${encodeURIComponent(id)}/${action}`, body),
};
