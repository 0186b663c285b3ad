import { type SheetColumn, type Spreadsheet, table } from '../spreadsheets/sheet';
import { zh } from '../spreadsheets/labels';
import type { CustomerReportsController } from './customer-reports.controller';

type GradeChanges = Awaited<ReturnType<CustomerReportsController['gradeChanges']>>;
type GradeChange = GradeChanges['changes'][number];
type Expiring = Awaited<ReturnType<CustomerReportsController['expiring']>>;

const GRADE_COLUMNS: ReadonlyArray<SheetColumn<GradeChange>> = [
  { header: '客户编号', value: (r) => r.customerId },
  { header: '客户名称', value: (r) => r.name },
  { header: '客户经理', value: (r) => r.customerManagerId },
  { header: '区域', value: (r) => r.region },
  { header: '月份', value: (r) => r.month },
  { header: '月提货量(吨)', kind: 'number', value: (r) => r.tonnage },
  { header: '吨位档', value: (r) => r.band },
  { header: '原等级', value: (r) => r.previousGrade },
  { header: '新等级', value: (r) => r.newGrade },
  { header: '原因', value: (r) => r.cause },
  { header: '规则', value: (r) => r.ruleId },
  { header: '评定时间', kind: 'instant', value: (r) => r.at },
];

/** R-TIER-4: the month's grade changes, and the late re-evaluations on a second sheet. */
export const gradeChangesSheet = (body: GradeChanges): Spreadsheet => ({
  fileName: `等级变动-${body.month}`,
  tables: [table('等级变动', GRADE_COLUMNS, body.changes), table('补充评定', GRADE_COLUMNS, body.reevaluations)],
});

type ExpiringItem = Expiring['items'][number];
const EXPIRING_COLUMNS: ReadonlyArray<SheetColumn<ExpiringItem>> = [
  { header: '客户编号', value: (r) => r.customer.customerId },
  { header: '客户名称', value: (r) => r.customer.name },
  { header: '客户经理', value: (r) => r.customer.customerManagerId },
  { header: '区域', value: (r) => r.customer.region },
  { header: '资质文件', value: (r) => r.document.kind },
  { header: '证件编号', value: (r) => r.document.number },
  { header: '有效期起', kind: 'date', value: (r) => r.document.validFrom },
  { header: '有效期至', kind: 'date', value: (r) => r.document.validUntil },
  { header: '剩余天数', kind: 'number', value: (r) => r.daysLeft },
  { header: '状态', value: (r) => zh(r.document.status) },
];

/** R-ARC-4: documents expiring by `until`, and those already expired. */
export const expiringDocumentsSheet = (body: Expiring): Spreadsheet => ({
  fileName: `资质到期-${body.today}`,
  tables: [table(`资质到期（截至${body.until}）`, EXPIRING_COLUMNS, body.items)],
});
