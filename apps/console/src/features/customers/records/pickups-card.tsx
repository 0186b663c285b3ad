import { RecordPickup } from '@crm/customers';
import { type ReactNode, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../../api/describe-error';
import { useSignedIn } from '../../../auth/session.context';
import { useI18n } from '../../../i18n/i18n.context';
import { ErrorAlert } from '../../../shell/error-alert';
import { formatTonnes } from '../tonnage-chart';
import { useCommerceT } from './commerce.messages';
import { PickupImport } from './pickup-import';
import { type PickupChange, PickupChangeForm, PickupRowActions } from './pickup-change';
import { FormOutcome, RecordField, RecordFormFrame } from './record-fields';
import { mayIssue, numberOf } from './record-roles';
import { useRecordsT } from './records.messages';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import { RECORD_WORDING } from './field-issues';

interface Pickup { pickupId: string; date: string; product: string; warehouse: string; tonnes: number; voided: boolean }

/** R-TIER-2: the customer's pickups (the API's read model), recorded one by one or imported from a file. */
export function PickupsCard({ customerId, open, minPosition, onRecorded }: { customerId: string; open: boolean; minPosition?: number; onRecorded(position: number): void }) {
  const { t } = useRecordsT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [items, setItems] = useState<Pickup[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [change, setChange] = useState<PickupChange | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.get<{ items: Pickup[] }>(`/customers/${encodeURIComponent(customerId)}/pickups`, { minPosition }).then(
      (page) => { setItems(page.items); setError(null); },
      (e) => setError(describeError(e, gt)),
    );
  }, [api, customerId, minPosition, gt]);

  // a disqualified customer's business is over (R-EVAL-3): its pickups are read, no longer recorded
  const mayRecord = open && mayIssue(session.user, 'RecordPickup');
  const mayChange = open && mayIssue(session.user, 'CorrectPickup') && mayIssue(session.user, 'VoidPickup');
  return (
    <section className="card" aria-labelledby="pickups-title" data-testid="customer-pickups">
      <div className="card-header"><h2 id="pickups-title">{t('pickups')}</h2></div>
      <p className="hint">{t('pickupsIntro')}</p>
      <ErrorAlert error={error} />
      {notice ? <p className="alert alert-success" role="status" data-testid="pickup-notice">{notice}</p> : null}
      {items === null ? (error ? null : <p className="muted">{t('pickupsLoading')}</p>) : items.length === 0 ? <p className="empty">{t('pickupsNone')}</p>
        : <PickupTable items={items} actions={mayChange ? (p) => <PickupRowActions pickup={p} onPick={(c) => { setChange(c); setNotice(null); }} /> : undefined} />}
      {change ? <PickupChangeForm customerId={customerId} change={change} onClose={() => setChange(null)} onDone={(at, note) => { setChange(null); setNotice(note); onRecorded(at); }} /> : null}
      {mayRecord ? <RecordPickupForm customerId={customerId} onRecorded={onRecorded} /> : null}
      {mayRecord ? <PickupImport customerId={customerId} onImported={onRecorded} /> : null}
    </section>
  );
}

function PickupTable({ items, actions }: { items: readonly Pickup[]; actions?(pickup: Pickup): ReactNode }) {
  const { t } = useRecordsT();
  const { t: ct } = useCommerceT();
  return (
    <table className="data-table" data-testid="pickups-table">
      <thead>
        <tr><th scope="col">{t('pickupDate')}</th><th scope="col">{t('pickupId')}</th><th scope="col">{t('product')}</th><th scope="col" className="num">{t('tonnes')}</th><th scope="col">{t('warehouse')}</th><th scope="col">{t('pickupStatus')}</th>{actions ? <th scope="col">{ct('actions')}</th> : null}</tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.pickupId} data-pickup={p.pickupId}>
            <td className="nowrap">{p.date}</td>
            <td className="mono">{p.pickupId}</td>
            <td>{p.product}</td>
            <td className="num">{formatTonnes(p.tonnes)}</td>
            <td>{p.warehouse}</td>
            <td>{p.voided ? <span className="badge badge-muted">{t('voided')}</span> : <span className="badge badge-success">{t('live')}</span>}</td>
            {actions ? <td>{actions(p)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const EMPTY = { pickupId: '', date: '', product: '', tonnes: '', warehouse: '' };

function RecordPickupForm({ customerId, onRecorded }: { customerId: string; onRecorded(position: number): void }) {
  const { t } = useRecordsT();
  const { api } = useSignedIn();
  const form = useRecordForm(EMPTY, { wording: RECORD_WORDING, draft: `customer/${customerId}/pickup` });

  async function submit() {
    const v = form.values;
    const body = { pickupId: v.pickupId.trim(), date: v.date, product: v.product.trim(), tonnes: numberOf(v.tonnes), warehouse: v.warehouse.trim() };
    if (!form.check(RecordPickup, body)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customerId)}/pickups`, body), () => t('pickupRecorded', { id: body.pickupId }), { reset: true });
    if (answer) onRecorded(answer.position);
  }

  return (
    <RecordFormFrame title={t('recordPickup')} intro={t('recordPickupIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="pickupId" label={t('pickupId')} />
        <RecordField form={form} name="date" label={t('pickupDate')} kind="date" />
        <RecordField form={form} name="product" label={t('product')} />
        <RecordField form={form} name="tonnes" label={t('tonnes')} kind="number" hint={t('tonnesHint')} />
        <RecordField form={form} name="warehouse" label={t('warehouse')} />
      </div>
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('recordPickup')}</button></div>
    </RecordFormFrame>
  );
}
