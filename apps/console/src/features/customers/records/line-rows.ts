import type { RecordForm } from '../../record-kit/use-record-form';

/**
 * Repeated rows of a form (a plan's lines, the contacts), named by index as the command names them
 * (`lines.0.quantity`), so the schema's and the API's messages land on the right row. Removing a
 * row moves the ones after it up.
 */
export function rowValues(prefix: string, count: number, fields: readonly string[], value: (name: string) => string): Array<Record<string, string>> {
  return Array.from({ length: count }, (_, i) => Object.fromEntries(fields.map((f) => [f, value(`${prefix}.${i}.${f}`).trim()])));
}

export function removeRow(prefix: string, index: number, count: number, fields: readonly string[], form: RecordForm): void {
  form.setValues((old) => {
    const next = { ...old };
    for (let i = index; i < count - 1; i++) for (const f of fields) next[`${prefix}.${i}.${f}`] = old[`${prefix}.${i + 1}.${f}`] ?? '';
    for (const f of fields) delete next[`${prefix}.${count - 1}.${f}`];
    return next;
  });
}
