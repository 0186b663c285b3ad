import { zh } from '../spreadsheets/labels';
import { type SheetColumn, type Spreadsheet, table } from '../spreadsheets/sheet';
import type { monthlyStatement, StatementEntry } from './account-statement';

type Statement = ReturnType<typeof monthlyStatement> & { customerId: string; name: string };
type Line = Pick<StatementEntry, 'date' | 'reference' | 'tonnes' | 'priceFen' | 'balanceAfterFen'> & { label: string; amountFen: number | null };

const COLUMNS: ReadonlyArray<SheetColumn<Line>> = [
  { header: '日期', kind: 'date', value: (l) => l.date },
  { header: '类型', value: (l) => l.label },
  { header: '单据', value: (l) => l.reference },
  { header: '吨数', kind: 'number', value: (l) => l.tonnes },
  { header: '单价(元/吨)', kind: 'fen', value: (l) => l.priceFen },
  { header: '金额(元)', kind: 'fen', value: (l) => l.amountFen },
  { header: '余额(元)', kind: 'fen', value: (l) => l.balanceAfterFen },
];

const balanceLine = (label: string, fen: number): Line => ({ date: '', label, reference: '', tonnes: null, priceFen: null, amountFen: null, balanceAfterFen: fen });

/** 第五条 结算、开票: the month's movements between the opening and closing balance, as finance reconciles them. */
export const statementSheet = (s: Statement): Spreadsheet => ({
  fileName: `对账单-${s.customerId}-${s.month}`,
  tables: [
    table(`${s.name} ${s.month} 对账单`, COLUMNS, [
      balanceLine('期初余额', s.openingFen),
      ...s.entries.map((e) => ({ ...e, label: zh(e.kind) })),
      balanceLine('期末余额', s.closingFen),
    ]),
  ],
});
