import type { HistoryEntry } from '@crm/audit';
import type { Wording } from '@crm/workflow-kit';
import { type Spreadsheet, table } from '../spreadsheets/sheet';

/** A history entry as the API answers it: who acted also as people name them. */
export type LabelledHistoryEntry = HistoryEntry & { actorLabel: Wording };

/** The customer's history for the auditor's file: one row per event, its data as JSON in one cell. */
export const historySheet = (body: { customerId: string; entries: readonly LabelledHistoryEntry[] }): Spreadsheet => ({
  fileName: `审计记录-${body.customerId}`,
  tables: [
    table('审计记录', [
      { header: '全局序号', kind: 'number', value: (e: LabelledHistoryEntry) => e.position },
      { header: '事件流', value: (e: LabelledHistoryEntry) => e.streamId },
      { header: '版本', kind: 'number', value: (e: LabelledHistoryEntry) => e.revision },
      { header: '事件', value: (e: LabelledHistoryEntry) => e.title.zh },
      { header: '事件类型', value: (e: LabelledHistoryEntry) => e.type },
      { header: '操作人', value: (e: LabelledHistoryEntry) => e.actorLabel.zh },
      { header: '用户名', value: (e: LabelledHistoryEntry) => e.actor },
      { header: '发生时间', kind: 'instant', value: (e: LabelledHistoryEntry) => e.occurredAt },
      { header: '记录时间', kind: 'instant', value: (e: LabelledHistoryEntry) => e.recordedAt },
      { header: '之前状态', value: (e: LabelledHistoryEntry) => e.stateBefore.label?.zh ?? e.stateBefore.state ?? '' },
      { header: '之后状态', value: (e: LabelledHistoryEntry) => e.stateAfter.label?.zh ?? e.stateAfter.state ?? '' },
      { header: '数据', value: (e: LabelledHistoryEntry) => JSON.stringify(e.data) },
    ], body.entries),
  ],
});
