import { DesignateWarehouse } from '@crm/commerce';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from '../users/field-check';
import type { Catalogue } from '../contracts/contract-view';
import { useCatalogueT } from './catalogue.messages';

type Warehouse = Catalogue['warehouses'][number];

/** R-PRIN-4 提货地点以公司指定库位为准: a warehouse designated for some product lines, or its designation changed. */
export function WarehouseForm({ editing, catalogue, onSaved }: { editing: Warehouse | null; catalogue: Catalogue; onSaved(position: number): void }) {
  const { t, lang } = useCatalogueT();
  const { api } = useSignedIn();
  const form = useRecordForm(
    { warehouseId: editing?.warehouseId ?? '', nameZh: editing?.nameZh ?? '', address: editing?.address ?? '', productLines: editing?.productLines.join(',') ?? '' },
    { wording: adminWording({ warehouseId: t('codeRule') }), draft: `warehouse.${editing?.warehouseId ?? 'new'}` },
  );
  const chosen = form.value('productLines').split(',').filter(Boolean);
  const toggle = (id: string, on: boolean) => form.set('productLines', (on ? [...chosen, id] : chosen.filter((x) => x !== id)).join(','));

  async function submit() {
    const code = form.value('warehouseId').trim();
    const body = { nameZh: form.value('nameZh'), productLines: chosen, address: form.value('address').trim() || null };
    const extra: Record<string, string> = {};
    if (!editing && catalogue.warehouses.some((w) => w.warehouseId === code)) extra.warehouseId = t('codeTaken', { what: t('warehouseWord') });
    if (chosen.length === 0) extra.productLines = t('chooseLine');
    if (!form.check(DesignateWarehouse, { ...body, warehouseId: code }, extra)) return;
    const answer = await form.send(() => api.put<CommandAnswer>(`/catalogue/warehouses/${encodeURIComponent(code)}`, body), () => t('warehouseSaved'), { reset: !editing });
    if (answer) onSaved(answer.position);
  }

  return (
    <RecordFormFrame title={editing ? t('warehouseFormEdit', { name: editing.nameZh }) : t('warehouseFormNew')} onSubmit={() => void submit()}>
      <div className="form-row">
        {editing ? null : <RecordField form={form} name="warehouseId" label={t('warehouseCode')} />}
        <RecordField form={form} name="nameZh" label={t('warehouseName')} />
        <RecordField form={form} name="address" label={t('addressOptional')} />
      </div>
      <fieldset className="field" aria-describedby={form.errors.productLines ? 'warehouse-lines-error' : undefined}>
        <legend>{t('linesLegend')}</legend>
        {catalogue.productLines.map((p) => (
          <label key={p.productLineId} className="checkbox">
            <input type="checkbox" checked={chosen.includes(p.productLineId)} onChange={(e) => toggle(p.productLineId, e.target.checked)} /> {lang === 'en' ? p.name : p.nameZh}
          </label>
        ))}
        {form.errors.productLines ? <span id="warehouse-lines-error" className="field-error">{form.errors.productLines}</span> : null}
      </fieldset>
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('saveWarehouse')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
