import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { consultationEventSchemas } from './consultation.events';

/** What people read for the customer-enquiry workflow's events and states (ADR 0026). */
export const CONSULTATION_VOCABULARY: WorkflowVocabulary<keyof typeof consultationEventSchemas> = {
  title: { zh: '客户咨询', en: 'Customer enquiry' },
  events: {
    ConsultationRecorded: { zh: '登记咨询', en: 'Enquiry recorded' },
    ConsultationAnswered: { zh: '答复咨询', en: 'Enquiry answered' },
    ConsultationSlaBreached: { zh: '咨询答复超时', en: 'Enquiry answer overdue' },
  },
  states: {
    none: { zh: '未登记', en: 'Not recorded' },
    recorded: { zh: '待答复', en: 'Awaiting an answer' },
    answered: { zh: '已答复', en: 'Answered' },
  },
};
