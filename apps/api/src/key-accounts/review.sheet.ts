import { zh } from '../spreadsheets/labels';
import { type Spreadsheet, table } from '../spreadsheets/sheet';
import type { ReviewReportService } from './review-report.service';

type Review = Awaited<ReturnType<ReviewReportService['report']>>;
type GradeChange = Review['classes'][number]['gradeChanges'][number] & { salesObject: string };

/** R-EVAL-2: the period's review per customer class, the customers ranked by volume, and the grade changes. */
export const reviewSheet = (r: Review): Spreadsheet => ({
  fileName: `客户评价-${r.period}`,
  tables: [
    table(`分类汇总 ${r.from}至${r.to}`, [
      { header: '销售对象', value: (c) => zh(c.salesObject) },
      { header: '客户数', kind: 'number', value: (c) => c.customers },
      { header: '提货量(吨)', kind: 'number', value: (c) => c.tonnes },
      { header: 'A类', kind: 'number', value: (c) => c.abc.A },
      { header: 'B类', kind: 'number', value: (c) => c.abc.B },
      { header: 'C类', kind: 'number', value: (c) => c.abc.C },
      { header: '等级变动', kind: 'number', value: (c) => c.gradeChanges.length },
      { header: '下滑预警', kind: 'number', value: (c) => c.warnings.raised.length },
      { header: '预警解除', kind: 'number', value: (c) => c.warnings.cleared.length },
      { header: '忠诚度变化', kind: 'number', value: (c) => c.loyaltyChanges.length },
      { header: '分配月数', kind: 'number', value: (c) => c.allocation.months.length },
      { header: '分配需求(吨)', kind: 'number', value: (c) => c.allocation.demandTonnes },
      { header: '分配量(吨)', kind: 'number', value: (c) => c.allocation.allocatedTonnes },
    ], r.classes),
    table('客户排名', [
      { header: '排名', kind: 'number', value: (c) => c.rank },
      { header: '客户编号', value: (c) => c.customerId },
      { header: '客户名称', value: (c) => c.name },
      { header: '销售对象', value: (c) => zh(c.salesObject) },
      { header: '等级', value: (c) => c.grade },
      { header: '客户经理', value: (c) => c.customerManagerId },
      { header: '提货量(吨)', kind: 'number', value: (c) => c.tonnes },
      { header: '占比', kind: 'ratio', value: (c) => c.share },
      { header: '累计占比', kind: 'ratio', value: (c) => c.cumulativeShare },
      { header: 'ABC分类', value: (c) => c.abcClass },
    ], r.customers),
    table('等级变动', [
      { header: '销售对象', value: (g: GradeChange) => zh(g.salesObject) },
      { header: '客户编号', value: (g: GradeChange) => g.customerId },
      { header: '月份', value: (g: GradeChange) => g.month },
      { header: '原等级', value: (g: GradeChange) => g.previousGrade },
      { header: '新等级', value: (g: GradeChange) => g.newGrade },
    ], r.classes.flatMap((c) => c.gradeChanges.map((g) => ({ ...g, salesObject: c.salesObject })))),
  ],
});
