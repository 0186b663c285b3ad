import { PlantOfficeBody, PlantOfficeId, PlantOfficeRemovalBody } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { useChannelsT } from './channels.messages';
import { adminWording } from '../users/field-check';

export interface PlantOffice { officeId: string; name: string; warehouses: string[]; regions: string[] }
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** R-ARC-2: the resident plant offices with the warehouses and regions they serve; registered, changed or retired (after a confirmation). */
export function PlantOfficesCard({ onChanged }: { onChanged(offices: PlantOffice[]): void }) {
  const { t } = useChannelsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<PlantOffice[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [version, setVersion] = useState(0);
  const [removing, setRemoving] = useState<PlantOffice | null>(null);
  const form = useRecordForm({ officeId: '', name: '', warehouses: '', regions: '' }, { wording: adminWording({ officeId: t('officeIdHint'), warehouses: t('repeats'), regions: t('repeats') }) });
  const removal = useRecordForm({ reason: '' }, { wording: adminWording() });

  useEffect(() => {
    api.get<{ items: PlantOffice[] }>('/plant-offices').then((r) => { setItems(r.items); onChanged(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
    // onChanged is the page's setter: re-read only when something changed here
  }, [api, version, gt]);

  async function submit() {
    const officeId = form.value('officeId').trim();
    const body = { name: form.value('name').trim(), warehouses: lines(form.value('warehouses')), regions: lines(form.value('regions')) };
    const idError: Record<string, string> = PlantOfficeId.safeParse(officeId).success ? {} : { officeId: t('officeIdHint') };
    if (!form.check(PlantOfficeBody, body, idError)) return;
    const saved = await form.send(() => api.put(`/plant-offices/${encodeURIComponent(officeId)}`, body), () => t('officeSaved', { name: body.name }), { reset: true });
    if (saved) setVersion((v) => v + 1);
  }

  async function remove(office: PlantOffice) {
    const body = { reason: removal.value('reason').trim() };
    const done = await removal.send(() => api.post(`/plant-offices/${encodeURIComponent(office.officeId)}/remove`, body), () => t('officeRemoved'), { reset: true });
    setRemoving(null);
    if (done) setVersion((v) => v + 1);
  }
  const sep = lang === 'en' ? ', ' : '、';

  return (
    <section className="card stack" aria-labelledby="offices-title" data-testid="plant-offices">
      <h2 id="offices-title" className="section-title">{t('offices')}</h2>
      <p className="hint">{t('officesIntro')}</p>
      <ErrorAlert error={error} />
      {!items ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="empty">{t('officesNone')}</p> : (
        <table className="data-table" data-testid="plant-offices-table">
          <thead><tr><th scope="col">{t('officeName')}</th><th scope="col">{t('warehouses')}</th><th scope="col">{t('regions')}</th><th scope="col"><span className="visually-hidden">{t('remove')}</span></th></tr></thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.officeId} data-office={o.officeId}>
                <td>{o.name}</td><td>{o.warehouses.join(sep) || '—'}</td><td>{o.regions.join(sep) || '—'}</td>
                <td><button type="button" className="button button-ghost button-small" onClick={() => setRemoving(o)}>{t('remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing ? (
        <form className="stack" aria-label={t('removeReason')} noValidate onSubmit={(e) => e.preventDefault()}>
          <RecordField form={removal} name="reason" label={t('removeReason')} />
          <ConfirmStep question={t('removeOfficeConfirm', { name: removing.name })} confirmLabel={t('removeConfirmButton')} busy={removal.busy}
            onConfirm={() => { if (removal.check(PlantOfficeRemovalBody, { reason: removal.value('reason').trim() })) void remove(removing); }} onCancel={() => setRemoving(null)} />
        </form>
      ) : null}
      <FormOutcome form={removal} />
      <RecordFormFrame title={t('putOffice')} onSubmit={() => void submit()}>
        <div className="form-row">
          <RecordField form={form} name="officeId" label={t('officeId')} hint={t('officeIdHint')} />
          <RecordField form={form} name="name" label={t('officeName')} />
          <RecordField form={form} name="warehouses" label={t('warehouses')} kind="textarea" />
          <RecordField form={form} name="regions" label={t('regions')} kind="textarea" />
        </div>
        <FormOutcome form={form} />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('putOffice')}</button></div>
      </RecordFormFrame>
    </section>
  );
}
