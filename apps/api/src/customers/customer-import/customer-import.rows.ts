import { type CsvRecord, type OpenCustomerArchive, type ProductLine, recordsOf, type TabularInput } from '@crm/customers';
import { type ColumnRef, columnOf, GROUPS, headerOf } from './customer-import.columns';
import { type Cells, readAdmission, readCompanyName, readClass, readContacts, readDocuments, readIdentity, readInvoicing, readText } from './customer-import.cells';

/** One problem of an import, where Excel shows it: the sheet's row, the file's own column header, in Chinese. */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
  /** the policy rule behind the refusal, when there is one */
  rule?: string;
}

/** A row read into the archive it opens: the registration of one company for one product line (ADR 0020). */
export interface ImportedRow {
  line: number;
  customerId: string;
  identityKey: string;
  archive: OpenCustomerArchive;
}

export interface ParsedImport {
  rows: ImportedRow[];
  errors: ImportRowError[];
  /** the file's header for a column key (`customerManagerId`, `document.2.kind`), for errors found later */
  headerFor(key: string): string;
}

/**
 * A registration's id, from the company and the line alone: the same company and line give the
 * same id in every file and every run, so a re-run finds what the first one created. The company
 * is its identity key (the organisation code in the credit code), as onboarding's reservations are.
 */
export const importedCustomerId = (identityKey: string, productLine: ProductLine): string => `imp-${identityKey}-${productLine}`;

const MAX_ROWS = 20_000;

/** Parses the whole file; every problem of every row is reported (the caller refuses the file on any). */
export function parseCustomerImport(input: TabularInput, today: string): ParsedImport {
  const { records, unterminatedAt } = recordsOf(input);
  const none: ParsedImport = { rows: [], errors: [], headerFor: headerOf };
  if (unterminatedAt !== null) return { ...none, errors: [{ line: unterminatedAt, field: '整行', message: '引号没有闭合' }] };
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonEmpty.length === 0) return { ...none, errors: [{ line: 1, field: '表头', message: '文件是空的' }] };
  const [header, ...body] = nonEmpty;
  const layout = readHeader(header);
  if (layout.errors.length > 0) return { ...none, errors: layout.errors };
  if (body.length > MAX_ROWS) return { ...none, errors: [{ line: body[MAX_ROWS].line, field: '整行', message: `超过 ${MAX_ROWS} 行，请分成几个文件导入` }] };
  const headerFor = (key: string) => layout.headers.get(key) ?? headerOf(key);
  const rows: ImportedRow[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const row = readRow(record, layout, headerFor, today);
    if ('errors' in row) {
      errors.push(...row.errors);
      continue;
    }
    const first = seen.get(row.customerId);
    if (first !== undefined) errors.push({ line: row.line, field: headerFor('creditCode'), message: `同一公司的同一产品线已在第 ${first} 行出现` });
    else {
      seen.set(row.customerId, row.line);
      rows.push(row);
    }
  }
  return { rows, errors, headerFor };
}

interface Layout {
  /** column key → index in the row */
  index: Map<string, number>;
  headers: Map<string, string>;
  width: number;
  errors: ImportRowError[];
}

const keyOf = (ref: ColumnRef) => (ref.kind === 'single' ? ref.key : `${ref.group}.${ref.n}.${ref.field}`);

function readHeader(header: CsvRecord): Layout {
  const layout: Layout = { index: new Map(), headers: new Map(), width: header.fields.length, errors: [] };
  header.fields.forEach((name, i) => {
    const ref = columnOf(name);
    if (!ref) return;
    const key = keyOf(ref);
    if (layout.index.has(key)) layout.errors.push({ line: header.line, field: name.trim(), message: '该列出现了两次' });
    layout.index.set(key, i);
    layout.headers.set(key, name.trim());
  });
  for (const key of ['companyName', 'productLine', 'salesObject', 'customerManagerId', 'region']) {
    if (!layout.index.has(key)) layout.errors.push({ line: header.line, field: headerOf(key), message: `缺少「${headerOf(key)}」列` });
  }
  if (!layout.index.has('creditCode') && !layout.index.has('organisationCode')) {
    layout.errors.push({ line: header.line, field: headerOf('creditCode'), message: '缺少「统一社会信用代码」列（或「组织机构代码」列）' });
  }
  for (const group of GROUPS) {
    if (![...layout.index.keys()].some((k) => k.startsWith(`${group.key}.`))) {
      layout.errors.push({ line: header.line, field: `${group.prefix}1${group.fields[0].header}`, message: `缺少「${group.prefix}1${group.fields[0].header}」等列` });
    }
  }
  return layout;
}

function readRow(record: CsvRecord, layout: Layout, headerFor: (key: string) => string, today: string): ImportedRow | { errors: ImportRowError[] } {
  const { line, fields } = record;
  const errors: ImportRowError[] = [];
  const cells: Cells = {
    get: (key) => {
      const i = layout.index.get(key);
      return i === undefined ? '' : (fields[i] ?? '').trim();
    },
    keys: () => [...layout.index.keys()],
    fail: (key, message, rule) => void errors.push({ line, field: headerFor(key), message, ...(rule ? { rule } : {}) }),
  };
  if (fields.length > layout.width && fields.slice(layout.width).some((f) => f.trim() !== '')) {
    errors.push({ line, field: '整行', message: `应有 ${layout.width} 列，实际 ${fields.length} 列` });
  }
  const name = readCompanyName(cells);
  const identity = readIdentity(cells);
  const klass = readClass(cells);
  const archive = {
    name,
    identifiers: identity?.identifiers ?? {},
    invoicing: readInvoicing(cells),
    contacts: readContacts(cells),
    customerManagerId: readText(cells, 'customerManagerId', 100),
    region: readText(cells, 'region', 100),
    documents: readDocuments(cells, today),
    admission: klass ? readAdmission(cells, klass.productLine, klass.class) : null,
  };
  if (errors.length > 0 || !identity || !klass) return { errors };
  const customerId = importedCustomerId(identity.identityKey, klass.productLine);
  const data: OpenCustomerArchive = {
    customerId, applicationId: `import-${identity.identityKey}-${klass.productLine}`, ...archive,
    productLine: klass.productLine, class: klass.class, grade: klass.grade,
  };
  return { line, customerId, identityKey: identity.identityKey, archive: data };
}
