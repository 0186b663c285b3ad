import { WebhookBody } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { named } from '../users/person-label';
import { useRecordForm } from '../record-kit/use-record-form';
import { useDirectory } from '../users/use-directory';
import { GROUPS, groupWord, recipientOptions, useChannelsT } from './channels.messages';
import { adminWording } from '../users/field-check';

interface Webhook { recipient: string; url: string; source: 'registry' | 'env'; updatedBy?: string; updatedAt?: string }

/** The signed webhooks per department: registered, replaced or removed (after a confirmation), and a delivery pass on demand. */
export function WebhooksCard({ offices }: { offices: ReadonlyArray<{ officeId: string; name: string }> }) {
  const { t } = useChannelsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [version, setVersion] = useState(0);
  const [removing, setRemoving] = useState<Webhook | null>(null);
  const { people } = useDirectory(undefined);
  const form = useRecordForm({ recipient: GROUPS[0], url: '', secret: '' }, { wording: adminWording() });
  const run = useRecordForm({}, { wording: adminWording() });

  useEffect(() => {
    api.get<{ items: Webhook[] }>('/webhooks').then((r) => { setItems(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, version, gt]);

  async function submit() {
    const recipient = form.value('recipient');
    const body = { url: form.value('url').trim(), secret: form.value('secret') };
    if (!form.check(WebhookBody, body)) return;
    const saved = await form.send(() => api.put(`/webhooks/${encodeURIComponent(recipient)}`, body), () => t('webhookSaved', { recipient: groupWord(recipient, t, offices) }), { reset: true });
    if (saved) setVersion((v) => v + 1);
  }

  async function remove(hook: Webhook) {
    const done = await run.send(() => api.delete(`/webhooks/${encodeURIComponent(hook.recipient)}`).then(() => true), () => t('removed'));
    setRemoving(null);
    if (done) setVersion((v) => v + 1);
  }

  const deliver = () => run.send(
    () => api.post<{ outcomes: Array<{ delivered: boolean }> }>('/webhooks/deliveries/run'),
    (r) => t('ran', { n: r.outcomes.length, ok: r.outcomes.filter((o) => o.delivered).length, failed: r.outcomes.filter((o) => !o.delivered).length }),
  );

  return (
    <section className="card stack" aria-labelledby="webhooks-title" data-testid="webhooks">
      <h2 id="webhooks-title" className="section-title">{t('webhooks')}</h2>
      <p className="hint">{t('webhooksIntro')}</p>
      <ErrorAlert error={error} />
      {!items ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="empty">{t('webhooksNone')}</p> : (
        <table className="data-table" data-testid="webhooks-table">
          <thead><tr><th scope="col">{t('recipient')}</th><th scope="col">{t('url')}</th><th scope="col">{t('source')}</th><th scope="col">{t('updated')}</th><th scope="col"><span className="visually-hidden">{t('remove')}</span></th></tr></thead>
          <tbody>
            {items.map((h) => (
              <tr key={h.recipient} data-recipient={h.recipient}>
                <td>{groupWord(h.recipient, t, offices)}</td>
                <td className="mono small">{h.url}</td>
                <td>{t(`source.${h.source}`)}</td>
                <td>{h.updatedBy ? `${named(people, h.updatedBy, lang, t('unknownPerson'))} ${formatInstant(h.updatedAt ?? '')}` : '—'}</td>
                <td>{h.source === 'registry' ? <button type="button" className="button button-ghost button-small" onClick={() => setRemoving(h)}>{t('remove')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing ? (
        <ConfirmStep question={t('removeWebhookConfirm', { recipient: groupWord(removing.recipient, t, offices), url: removing.url })} confirmLabel={t('removeConfirmButton')} busy={run.busy}
          onConfirm={() => void remove(removing)} onCancel={() => setRemoving(null)} />
      ) : null}
      <div className="toolbar">
        <button type="button" className="button button-secondary" disabled={run.busy} onClick={() => void deliver()}>{run.busy ? t('sending') : t('runNow')}</button>
        <span className="hint">{t('runIntro')}</span>
      </div>
      <FormOutcome form={run} />
      <RecordFormFrame title={t('putWebhook')} intro={t('putWebhookIntro')} onSubmit={() => void submit()}>
        <div className="form-row">
          <RecordField form={form} name="recipient" label={t('recipient')} kind="select" options={recipientOptions(t, offices)} />
          <RecordField form={form} name="url" label={t('url')} />
          <RecordField form={form} name="secret" label={t('secret')} hint={t('secretHint')} />
        </div>
        <FormOutcome form={form} />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('putWebhook')}</button></div>
      </RecordFormFrame>
    </section>
  );
}
