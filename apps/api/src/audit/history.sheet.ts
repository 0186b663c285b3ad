import type { HistoryEntry } from '@crm/audit';
import { type Spreadsheet, table } from '../spreadsheets/sheet';

/** The customer's history for the auditor's file: one row per event, its data as JSON in one cell. */
export const historySheet = (body: { customerId: string; entries: readonly HistoryEntry[] }): Spreadsheet => ({
  fileName: `审计记录-${body.customerId}`,
  tables: [
    table('审计记录', [
      { header: '全局序号', kind: 'number', value: (e: HistoryEntry) => e.position },
      { header: '事件流', value: (e: HistoryEntry) => e.streamId },
      { header: '版本', kind: 'number', value: (e: HistoryEntry) => e.revision },
      { header: '事件', value: (e: HistoryEntry) => e.type },
      { header: '操作人', value: (e: HistoryEntry) => e.actor },
      { header: '发生时间', kind: 'instant', value: (e: HistoryEntry) => e.occurredAt },
      { header: '记录时间', kind: 'instant', value: (e: HistoryEntry) => e.recordedAt },
      { header: '之前状态', value: (e: HistoryEntry) => e.stateBefore.state ?? '' },
      { header: '之后状态', value: (e: HistoryEntry) => e.stateAfter.state ?? '' },
      { header: '数据', value: (e: HistoryEntry) => JSON.stringify(e.data) },
    ], body.entries),
  ],
});
