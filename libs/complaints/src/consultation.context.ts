import type { ComplaintPolicy } from './complaint-policy';
import type { ComplaintChannel, ComputedDeadline } from './complaint.shapes';
import type { ConsultationEvent } from './consultation.events';

export interface ConsultationAnswer {
  text: string;
  channel: ComplaintChannel;
  by: string;
  at: string;
  withinDeadline: boolean;
}

export interface ConsultationContext {
  consultationId: string | null;
  customerId: string | null;
  receivedAt: string | null;
  channel: ComplaintChannel | null;
  question: string | null;
  loggedBy: string | null;
  /** the copy recorded with the enquiry; later versions never apply to it */
  policy: ComplaintPolicy | null;
  workingDays: number | null;
  deadline: ComputedDeadline | null;
  answer: ConsultationAnswer | null;
  /** the due instant a breach was recorded for */
  breachedFor: string | null;
  breaches: Array<{ dueAt: string; at: string }>;
}

export const INITIAL_CONSULTATION_CONTEXT: ConsultationContext = {
  consultationId: null, customerId: null, receivedAt: null, channel: null, question: null, loggedBy: null,
  policy: null, workingDays: null, deadline: null, answer: null, breachedFor: null, breaches: [],
};

/** How each event changes the context; the machine applies it after its guards passed. */
export function evolveConsultation(context: ConsultationContext, event: ConsultationEvent): Partial<ConsultationContext> {
  switch (event.type) {
    case 'ConsultationRecorded': {
      const { consultationId, customerId, receivedAt, channel, question, loggedBy, policy, workingDays, deadline } = event.data;
      return { consultationId, customerId, receivedAt, channel, question, loggedBy, policy, workingDays, deadline };
    }
    case 'ConsultationAnswered': {
      const { answer, channel, by, at, withinDeadline } = event.data;
      return { answer: { text: answer, channel, by, at, withinDeadline } };
    }
    case 'ConsultationSlaBreached':
      return { breachedFor: event.data.dueAt, breaches: [...context.breaches, { dueAt: event.data.dueAt, at: event.data.at }] };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
