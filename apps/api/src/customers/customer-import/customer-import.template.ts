import { creditCodeCheckChar, organisationCodeCheckChar } from '@crm/onboarding';
import { type DataValidation, Workbook, type Worksheet } from 'exceljs';
import { ADMISSION_COLUMNS, GROUPS, groupHeader, type ImportColumn, SINGLE_COLUMNS, templateHeaders } from './customer-import.columns';

/** Columns people pick from a list, and the words the import reads in them. */
const LISTS: Readonly<Record<string, string[]>> = {
  产品线: ['聚烯烃', '其他化工'],
  销售对象: ['经销商', '直销客户', '独家代理'],
  销售形式: ['网上竞价', '计划销售'],
  客户等级: ['网上竞价客户', '普通客户'],
};
/** Codes Excel would turn into numbers (losing zeros, or printing 3.9E+18): kept as text. */
const TEXT_COLUMNS = new Set(['统一社会信用代码', '组织机构代码', '营业执照注册号', '税务登记号', '银行账号', '开票电话']);
const ROWS_PREPARED = 2000;

const RULES = [
  '每行是一家公司在一个产品线的客户档案（同一公司做两个产品线就填两行）；只读取第一张表“客户档案”，第一行是表头。',
  '统一社会信用代码必填；没有统一代码的老企业填写组织机构代码、营业执照注册号、税务登记号三项。',
  '聚烯烃客户：销售对象为经销商或直销客户，销售形式为网上竞价或计划销售。其他化工客户：销售对象为直销客户、独家代理或经销商，销售形式留空，并须逐项填写准入依据（R-TIER-6）和准入审核人。',
  '客户等级可以留空：建档时按类别定级（网上竞价的经销商为网上竞价客户，其余为普通客户），此后按月度提货量逐级升降；历史等级不能直接导入。',
  '客户经理填系统用户名，须为在职的客户经理。证照须在导入当天有效（已过期的请先换证）。联系人、证照可按“联系人3姓名”“证照4类型”等继续向右增加列。',
  '先用 --dry-run 检查：列出将建立的档案和每个问题（行号、列名、原因），不写入任何数据。正式导入时，任何一行有问题则整个文件都不导入；同一文件重复导入不会重复建档。',
];

function exampleCreditCode(): string {
  const body8 = 'MA2AXXXX';
  const body17 = `91330200${body8}${organisationCodeCheckChar(body8)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

/** The two rows of the 示例 sheet: a polyolefin planned distributor and an other-chemicals direct customer. */
function exampleRows(): Array<Record<string, string>> {
  const code = exampleCreditCode();
  const common = {
    公司名称: '宁波甬兴塑业有限公司', 统一社会信用代码: code, 客户经理: 'manager', 区域: '华东', 开户银行: '中国工商银行宁波分行', 银行账号: '3901100009000123456',
    开票地址: '浙江省宁波市镇海区炼化路1号', 开票电话: '0574-86201234', 联系人1姓名: '钱采购', 联系人1电话: '13900139000', 联系人1职务: '采购部经理',
    证照1类型: '营业执照', 证照1编号: code, 证照1起始日期: '2021-01-01', 证照1有效期至: '2030-12-31',
  };
  return [
    { ...common, 产品线: '聚烯烃', 销售对象: '经销商', 销售形式: '计划销售', 客户等级: '普通客户' },
    {
      ...common, 产品线: '其他化工', 销售对象: '直销客户', 客户经理: 'manager2', 准入审核人: 'sales',
      '准入依据：具有一定规模的生产企业': '年产能20万吨（2025年审计报告）', '准入依据：资金与信誉良好': '银行资信证明',
    },
  ];
}

const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);

function dataSheet(ws: Worksheet, headers: string[]): void {
  ws.columns = headers.map((header) => ({ header, width: Math.min(40, Math.max(10, widthOf(header) + 4)), style: TEXT_COLUMNS.has(header) ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

function addLists(ws: Worksheet, headers: string[]): void {
  headers.forEach((header, i) => {
    const list = LISTS[header];
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    // one rule over the range (exceljs has it at run time, its typings only per cell)
    const validations = (ws as unknown as { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations;
    validations.add(`${letter}2:${letter}${ROWS_PREPARED + 1}`, { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: false });
  });
}

function instructionsSheet(ws: Worksheet): void {
  ws.columns = [{ width: 30 }, { width: 16 }, { width: 60 }, { width: 34 }, { width: 26 }];
  ws.addRow(['客户档案导入模板：填写说明']).font = { bold: true, size: 14 };
  for (const rule of RULES) ws.addRow([rule]).alignment = { wrapText: true };
  ws.addRow([]);
  ws.addRow(['列名', '是否必填', '填写内容', '示例', '英文列名']).font = { bold: true };
  const row = (c: ImportColumn) => ws.addRow([c.header, c.required, c.values, c.example, c.aliases.filter((a) => /^[a-z]/i.test(a)).join(' / ')]);
  SINGLE_COLUMNS.forEach(row);
  for (const group of GROUPS) {
    for (const f of group.fields) ws.addRow([groupHeader(group, 1, f), f.required, f.values || f.header, f.example, `${group.key}1.${f.key}`]);
  }
  ADMISSION_COLUMNS.forEach(row);
  ws.eachRow((r) => (r.alignment = { wrapText: true, vertical: 'top' }));
  for (let i = 2; i <= RULES.length + 1; i++) ws.mergeCells(i, 1, i, 5);
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${RULES.length + 3}:${RULES.length + 3}` };
}

/** The downloadable, printable template: 客户档案 (what is imported), 填写说明 (each column), 示例 (two filled rows, not imported). */
export async function customerImportTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'CRM workflow engine';
  const headers = templateHeaders();
  const data = workbook.addWorksheet('客户档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  dataSheet(data, headers);
  addLists(data, headers);
  instructionsSheet(workbook.addWorksheet('填写说明'));
  const examples = workbook.addWorksheet('示例', { views: [{ state: 'frozen', ySplit: 1 }] });
  dataSheet(examples, headers);
  for (const example of exampleRows()) examples.addRow(headers.map((h) => example[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same header as CSV (UTF-8 with BOM, so Excel opens it in Chinese). */
export function customerImportTemplateCsv(): string {
  return `\uFEFF${templateHeaders().join(',')}\r\n`;
}
