import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { complaintEventSchemas } from './complaint.events';

/** What people read for the complaint workflow's events and states (the audit timeline, exports, the console). */
export const COMPLAINT_VOCABULARY: WorkflowVocabulary<keyof typeof complaintEventSchemas> = {
  title: { zh: '客户投诉', en: 'Complaint' },
  events: {
    ComplaintRecorded: { zh: '登记投诉', en: 'Complaint recorded' },
    ComplaintClassified: { zh: '投诉定级', en: 'Complaint classified' },
    ComplaintEscalated: { zh: '升级至总经理', en: 'Escalated to the general manager' },
    SpecialMeetingHeld: { zh: '召开专题会议', en: 'Special meeting held' },
    ComplaintReclassified: { zh: '重新定级', en: 'Complaint reclassified' },
    ResolutionDrafted: { zh: '拟定处理意见', en: 'Resolution drafted' },
    ResolutionApproved: { zh: '处理意见获批', en: 'Resolution approved' },
    ResolutionSentBack: { zh: '处理意见退回', en: 'Resolution sent back' },
    CustomerNotified: { zh: '答复客户', en: 'Customer notified' },
    ComplaintClosed: { zh: '投诉关闭', en: 'Complaint closed' },
    ExtensionRequested: { zh: '申请延期', en: 'Extension requested' },
    ExtensionApproved: { zh: '延期获一级批准', en: 'Extension approved by a leader' },
    ExtensionGranted: { zh: '延期生效', en: 'Extension granted' },
    ExtensionRejected: { zh: '延期被驳回', en: 'Extension rejected' },
    ComplaintSlaWarned: { zh: '处理时限预警', en: 'SLA warning' },
    ComplaintSlaBreached: { zh: '处理超时', en: 'SLA breached' },
  },
  states: {
    none: { zh: '未登记', en: 'Not recorded' },
    received: { zh: '已受理', en: 'Received' },
    open: { zh: '处理中', en: 'Open' },
    'open.escalating': { zh: '待总经理处理', en: 'Escalated' },
    'open.awaitingMeeting': { zh: '待专题会议', en: 'Awaiting the special meeting' },
    'open.drafting': { zh: '拟定处理意见', en: 'Drafting the resolution' },
    'open.awaitingApproval': { zh: '处理意见待批', en: 'Resolution awaiting approval' },
    'open.resolved': { zh: '已处理待答复', en: 'Resolved, customer not told yet' },
    notified: { zh: '已答复客户', en: 'Customer notified' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
};
