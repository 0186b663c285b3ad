import { zh } from '../spreadsheets/labels';
import { type Spreadsheet, table } from '../spreadsheets/sheet';
import type { SlaBoardService } from './sla-board.service';

type Stats = Awaited<ReturnType<SlaBoardService['stats']>>;

/** R-CMP-3: breach rate per month of receipt, class and department. */
export const slaStatsSheet = (body: Stats): Spreadsheet => ({
  fileName: `投诉时限统计-${body.from}至${body.to}`,
  tables: [
    table('投诉时限统计', [
      { header: '受理月份', value: (r) => r.month },
      { header: '投诉类别', value: (r) => zh(r.class) },
      { header: '责任部门', value: (r) => zh(r.department) },
      { header: '已定级投诉数', kind: 'number', value: (r) => r.classified },
      { header: '超时数', kind: 'number', value: (r) => r.breached },
      { header: '超时率', kind: 'ratio', value: (r) => r.breachRate },
    ], body.items),
  ],
});
