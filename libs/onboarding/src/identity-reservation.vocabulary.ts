import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { identityReservationEventSchemas } from './identity-reservation.events';

/** What people read for the identity-reservation workflow's events and states (the audit timeline, exports, the console). */
export const IDENTITY_RESERVATION_VOCABULARY: WorkflowVocabulary<keyof typeof identityReservationEventSchemas> = {
  title: { zh: '客户身份登记', en: 'Identity reservation' },
  events: {
    IdentityReserved: { zh: '登记企业身份', en: 'Identity reserved' },
    IdentityReleased: { zh: '释放企业身份', en: 'Identity released' },
    IdentityHandedOver: { zh: '身份移交客户档案', en: 'Identity handed over to the archive' },
  },
  states: {
    none: { zh: '未登记', en: 'Not reserved' },
    reserved: { zh: '已登记', en: 'Reserved' },
    free: { zh: '已释放', en: 'Free' },
    customer: { zh: '已建档', en: 'Customer' },
  },
};
