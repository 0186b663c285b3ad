import { zh } from '../spreadsheets/labels';
import { type SheetColumn, type SheetTable, type Spreadsheet, table } from '../spreadsheets/sheet';
import type { allocationView } from './allocation.service';

type Allocation = ReturnType<typeof allocationView>;
type Line = Allocation['lines'][number] & { month: string; productLine: string | null; round: number };

const SUMMARY: ReadonlyArray<SheetColumn<Allocation>> = [
  { header: '月份', value: (a) => a.month },
  { header: '产品线', value: (a) => zh(a.productLine) },
  { header: '轮次', kind: 'number', value: (a) => a.round },
  { header: '状态', value: (a) => zh(a.status) },
  { header: '可分配量(吨)', kind: 'number', value: (a) => a.availableTonnes },
  { header: '需求量(吨)', kind: 'number', value: (a) => a.demandTonnes },
  { header: '分配量(吨)', kind: 'number', value: (a) => a.allocatedTonnes },
  { header: '缺口(吨)', kind: 'number', value: (a) => a.shortfallTonnes },
  { header: '说明', value: (a) => a.note },
  { header: '提出人', value: (a) => a.proposedBy },
  { header: '提出时间', kind: 'instant', value: (a) => a.proposedAt },
  { header: '审批人', value: (a) => a.decidedBy },
  { header: '审批时间', kind: 'instant', value: (a) => a.decidedAt },
  { header: '审批意见', value: (a) => a.decisionText },
];

const LINES: ReadonlyArray<SheetColumn<Line>> = [
  { header: '月份', value: (l) => l.month },
  { header: '产品线', value: (l) => zh(l.productLine) },
  { header: '轮次', kind: 'number', value: (l) => l.round },
  { header: '排名', kind: 'number', value: (l) => l.rank },
  { header: '客户编号', value: (l) => l.customerId },
  { header: '销售对象', value: (l) => zh(l.salesObject) },
  { header: '依据', value: (l) => l.source },
  { header: '得分', kind: 'number', value: (l) => l.score },
  { header: '完成率', kind: 'ratio', value: (l) => l.completionRate },
  { header: '均衡度', kind: 'number', value: (l) => l.evenness },
  { header: '配合度', kind: 'number', value: (l) => l.cooperation },
  { header: '需求量(吨)', kind: 'number', value: (l) => l.demandTonnes },
  { header: '分配量(吨)', kind: 'number', value: (l) => l.allocatedTonnes },
  { header: '调整前(吨)', kind: 'number', value: (l) => l.adjustment?.previousTonnes },
  { header: '调整原因', value: (l) => l.adjustment?.reason },
  { header: '调整人', value: (l) => l.adjustment?.by },
  { header: '调整时间', kind: 'instant', value: (l) => l.adjustment?.at },
];

/** R-ALLOC-2: the proposals under review (their lines in rule order) and the allocations in force, as the general manager reads them. */
function allocationTables(allocations: readonly Allocation[]): SheetTable[] {
  const proposed = allocations.flatMap((a) => a.lines.map((l) => ({ ...l, month: a.month, productLine: a.productLine, round: a.round })));
  const inForce = allocations.flatMap((a) => (a.inForce ? a.inForce.lines.map((l) => ({ ...l, month: a.month, productLine: a.productLine, round: a.inForce?.round ?? a.round })) : []));
  return [table('分配方案', SUMMARY, allocations), table('方案明细', LINES, proposed), table('执行中的分配', LINES, inForce)];
}

export const allocationSheet = (a: Allocation): Spreadsheet => ({ fileName: `资源量分配-${a.month}-${a.productLine ?? 'all'}`, tables: allocationTables([a]) });
export const allocationMonthSheet = (body: { month: string; allocations: Allocation[] }): Spreadsheet => ({ fileName: `资源量分配-${body.month}`, tables: allocationTables(body.allocations) });
