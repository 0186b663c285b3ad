import { DefineProductLine } from '@crm/commerce';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from '../users/field-check';
import type { Catalogue } from '../contracts/contract-view';
import { useCatalogueT } from './catalogue.messages';

type Line = Catalogue['productLines'][number];

/** R-TIER-1: a product line defined, or one renamed (`editing`); its code never changes once set. */
export function ProductLineForm({ editing, taken, onSaved }: { editing: Line | null; taken: readonly string[]; onSaved(position: number): void }) {
  const { t } = useCatalogueT();
  const { api } = useSignedIn();
  const form = useRecordForm(
    { productLineId: editing?.productLineId ?? '', nameZh: editing?.nameZh ?? '', name: editing?.name ?? '' },
    { wording: adminWording({ productLineId: t('codeRule') }), draft: `product-line.${editing?.productLineId ?? 'new'}` },
  );

  async function submit() {
    const code = form.value('productLineId').trim();
    const body = { nameZh: form.value('nameZh'), name: form.value('name') };
    // a PUT to a code in use would rename that line: a new line may not take one
    const extra: Record<string, string> = !editing && taken.includes(code) ? { productLineId: t('codeTaken', { what: t('lineWord') }) } : {};
    if (!form.check(DefineProductLine, { ...body, productLineId: code }, extra)) return;
    const answer = await form.send(() => api.put<CommandAnswer>(`/catalogue/product-lines/${encodeURIComponent(code)}`, body), () => t('lineSaved'), { reset: !editing });
    if (answer) onSaved(answer.position);
  }

  return (
    <RecordFormFrame title={editing ? t('lineFormEdit', { name: editing.nameZh }) : t('lineFormNew')} onSubmit={() => void submit()}>
      <div className="form-row">
        {editing ? null : <RecordField form={form} name="productLineId" label={t('lineCode')} />}
        <RecordField form={form} name="nameZh" label={t('nameZh')} />
        <RecordField form={form} name="name" label={t('name')} />
      </div>
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('saveLine')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
