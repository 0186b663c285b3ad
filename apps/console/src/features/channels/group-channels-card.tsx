import { GroupChannelBody } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { type ChannelsKey, GROUPS, groupWord, recipientOptions, useChannelsT } from './channels.messages';
import { adminWording } from '../users/field-check';

type Kind = 'wecom' | 'dingtalk' | 'email';
interface GroupChannel { recipient: string; channel: Kind; target: string; format: 'markdown' | 'text'; language: 'zh' | 'en'; signed: boolean }
const KINDS: readonly Kind[] = ['wecom', 'dingtalk', 'email'];

/** A department's robots and mailbox: what each takes is the API's GroupChannelBody; which fields apply follows the channel chosen. */
export function GroupChannelsCard({ offices }: { offices: ReadonlyArray<{ officeId: string; name: string }> }) {
  const { t } = useChannelsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<GroupChannel[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [version, setVersion] = useState(0);
  const [removing, setRemoving] = useState<GroupChannel | null>(null);
  const form = useRecordForm({ recipient: GROUPS[0], channel: 'wecom', url: '', secret: '', address: '', format: 'markdown', language: 'zh' }, { wording: adminWording() });
  const removal = useRecordForm({}, { wording: adminWording() });
  const kind = form.value('channel') as Kind;
  const kindWord = (k: Kind) => t(`channel.${k}` as ChannelsKey);

  useEffect(() => {
    api.get<{ items: GroupChannel[] }>('/notification-settings/groups').then((r) => { setItems(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, version, gt]);

  async function submit() {
    const recipient = form.value('recipient');
    const text = (name: string) => form.value(name).trim() || undefined;
    const body = kind === 'email'
      ? { address: text('address'), format: form.value('format'), language: form.value('language') }
      : { url: text('url'), secret: kind === 'dingtalk' ? text('secret') : undefined, format: form.value('format'), language: form.value('language') };
    // the schema leaves both optional; which one a channel needs is the API's NOTIFY-CHANNEL rule
    const missing: Record<string, string> = kind === 'email' ? (body.address ? {} : { address: t('required') }) : (body.url ? {} : { url: t('required') });
    if (!form.check(GroupChannelBody, body, missing)) return;
    const saved = await form.send(
      () => api.put(`/notification-settings/groups/${encodeURIComponent(recipient)}/channels/${kind}`, body),
      () => t('groupSaved', { recipient: groupWord(recipient, t, offices), channel: kindWord(kind) }),
    );
    if (saved) setVersion((v) => v + 1);
  }

  async function remove(c: GroupChannel) {
    const done = await removal.send(() => api.delete(`/notification-settings/groups/${encodeURIComponent(c.recipient)}/channels/${c.channel}`).then(() => true), () => t('removed'));
    setRemoving(null);
    if (done) setVersion((v) => v + 1);
  }

  return (
    <section className="card stack" aria-labelledby="groups-title" data-testid="group-channels">
      <h2 id="groups-title" className="section-title">{t('groups')}</h2>
      <p className="hint">{t('groupsIntro')}</p>
      <ErrorAlert error={error} />
      {!items ? <p className="muted">{t('loading')}</p> : items.length === 0 ? <p className="empty">{t('groupsNone')}</p> : (
        <table className="data-table" data-testid="group-channels-table">
          <thead><tr><th scope="col">{t('recipient')}</th><th scope="col">{t('channel')}</th><th scope="col">{t('target')}</th><th scope="col">{t('format')}</th><th scope="col">{t('language')}</th><th scope="col">{t('signed')}</th><th scope="col"><span className="visually-hidden">{t('remove')}</span></th></tr></thead>
          <tbody>
            {items.map((c) => (
              <tr key={`${c.recipient}-${c.channel}`} data-recipient={c.recipient} data-channel={c.channel}>
                <td>{groupWord(c.recipient, t, offices)}</td>
                <td>{kindWord(c.channel)}</td>
                <td className="mono small">{c.target}</td>
                <td>{t(`format.${c.format}`)}</td>
                <td>{t(`language.${c.language}`)}</td>
                <td>{c.signed ? t('yes') : t('no')}</td>
                <td><button type="button" className="button button-ghost button-small" onClick={() => setRemoving(c)}>{t('remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing ? (
        <ConfirmStep question={t('removeGroupConfirm', { recipient: groupWord(removing.recipient, t, offices), channel: kindWord(removing.channel) })} confirmLabel={t('removeConfirmButton')} busy={removal.busy}
          onConfirm={() => void remove(removing)} onCancel={() => setRemoving(null)} />
      ) : null}
      <FormOutcome form={removal} />
      <RecordFormFrame title={t('putGroup')} onSubmit={() => void submit()}>
        <div className="form-row">
          <RecordField form={form} name="recipient" label={t('recipient')} kind="select" options={recipientOptions(t, offices)} />
          <RecordField form={form} name="channel" label={t('channel')} kind="select" options={KINDS.map((k) => ({ value: k, label: kindWord(k) }))} />
          {kind === 'email' ? <RecordField form={form} name="address" label={t('address')} /> : <RecordField form={form} name="url" label={t('url')} />}
          {kind === 'dingtalk' ? <RecordField form={form} name="secret" label={t('dingSecret')} /> : null}
          <RecordField form={form} name="format" label={t('format')} kind="select" options={(['markdown', 'text'] as const).map((f) => ({ value: f, label: t(`format.${f}`) }))} />
          <RecordField form={form} name="language" label={t('language')} kind="select" options={(['zh', 'en'] as const).map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </div>
        <FormOutcome form={form} />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('putGroup')}</button></div>
      </RecordFormFrame>
    </section>
  );
}
