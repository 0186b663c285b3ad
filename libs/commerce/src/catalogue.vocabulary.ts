import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { catalogueEventSchemas } from './catalogue.events';

/** What people read for the commercial-catalogue workflow's events and states (the audit timeline, exports, the console). */
export const CATALOGUE_VOCABULARY: WorkflowVocabulary<keyof typeof catalogueEventSchemas> = {
  title: { zh: '产品线与指定仓库', en: 'Product lines and warehouses' },
  events: {
    ProductLineDefined: { zh: '设立产品线', en: 'Product line defined' },
    WarehouseDesignated: { zh: '指定提货仓库', en: 'Warehouse designated' },
    WarehouseWithdrawn: { zh: '撤销指定仓库', en: 'Warehouse withdrawn' },
  },
  states: {
    none: { zh: '未建立', en: 'Not started' },
    kept: { zh: '在用', en: 'Kept' },
  },
};
