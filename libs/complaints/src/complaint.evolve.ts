import type { ActiveSla, ComplaintContext } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';

const slaOf = (d: ActiveSla): ActiveSla => ({ workingDays: d.workingDays, deadline: d.deadline, warnAt: d.warnAt });

/** How each event changes the context; the machine applies it with `assign` after its guard passed. */
export function evolveComplaint(context: ComplaintContext, event: ComplaintEvent): Partial<ComplaintContext> {
  switch (event.type) {
    case 'ComplaintRecorded': {
      const { complaintId, customerId, receivedAt, channel, content, loggedBy, policy } = event.data;
      return { complaintId, customerId, receivedAt, channel, content, loggedBy, policy };
    }
    case 'ComplaintClassified':
      return { complaintClass: event.data.class, sla: slaOf(event.data) };
    case 'ComplaintReclassified':
      return {
        complaintClass: event.data.to, sla: slaOf(event.data), draft: event.data.to === 'serious' ? null : context.draft,
        // R-CMP-3 (ADR 0026): a request for a major complaint lapses when it becomes general; earlier requests stay as they were
        pendingExtension: event.data.to === 'general' && context.pendingExtension?.class != null ? null : context.pendingExtension,
      };
    case 'ComplaintEscalated':
      return {};
    case 'SpecialMeetingHeld': {
      const { decision, department, handler, by } = event.data;
      return { resolution: { text: decision, department, handler, decidedBy: by, via: 'special_meeting' } };
    }
    case 'ResolutionDrafted': {
      const { draftNo, department, text, handler, by } = event.data;
      return { draft: { draftNo, department, text, handler, by }, draftCount: draftNo };
    }
    case 'ResolutionApproved': {
      const draft = context.draft;
      if (!draft) return {};
      return { resolution: { text: draft.text, department: draft.department, handler: draft.handler, decidedBy: event.data.by, via: 'leader_approval' } };
    }
    case 'ResolutionSentBack':
      return { draft: null };
    case 'CustomerNotified':
      return { notifiedAt: event.data.at };
    case 'ComplaintClosed':
      return { closedAt: event.data.at };
    default:
      return evolveSla(context, event);
  }
}

function evolveSla(context: ComplaintContext, event: ComplaintEvent): Partial<ComplaintContext> {
  switch (event.type) {
    case 'ExtensionRequested': {
      const { requestId, additionalWorkingDays, workingDays, by } = event.data;
      const pendingExtension = { requestId, additionalWorkingDays, workingDays, requestedBy: by, approvals: [], class: event.data.class };
      return { pendingExtension, extensionRequestCount: context.extensionRequestCount + 1 };
    }
    case 'ExtensionApproved': {
      const pending = context.pendingExtension;
      if (!pending) return {};
      const { by, role, at } = event.data;
      return { pendingExtension: { ...pending, approvals: [...pending.approvals, { by, role, at }] } };
    }
    case 'ExtensionGranted':
      return {
        sla: slaOf(event.data),
        extensionWorkingDays: context.extensionWorkingDays + event.data.additionalWorkingDays,
        legacyExtensionWorkingDays: context.legacyExtensionWorkingDays + (context.pendingExtension?.class === null ? event.data.additionalWorkingDays : 0),
        pendingExtension: null,
      };
    case 'ExtensionRejected':
      return { pendingExtension: null };
    case 'ComplaintSlaWarned':
      return { warnedFor: event.data.dueAt };
    case 'ComplaintSlaBreached':
      return { breachedFor: event.data.dueAt, breaches: [...context.breaches, { dueAt: event.data.dueAt, at: event.data.at }] };
    default:
      return {};
  }
}
