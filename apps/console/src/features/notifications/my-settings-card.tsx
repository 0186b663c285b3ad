import { MySettingsBody } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { personLabel, useNames } from '../record-kit/names';
import { useRecordForm } from '../record-kit/use-record-form';
import { adminWording } from '../users/field-check';
import { type MySettings, notificationsApi } from './notifications-page.api';
import { type NotificationsKey, useNotificationsT } from './notifications.messages';

/** My own e-mail address and message language (PUT /me/notification-settings); the channels are the administrator's, shown. */
export function MySettingsCard() {
  const { t } = useNotificationsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [settings, setSettings] = useState<MySettings | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const form = useRecordForm({ email: '', language: 'zh' }, { wording: adminWording() });
  const names = useNames([settings?.updatedBy]);

  useEffect(() => {
    notificationsApi.settings(api).then(
      (s) => { setSettings(s); form.setValues({ email: s.email ?? '', language: s.language }); setError(null); },
      (e) => setError(describeError(e, gt)),
    );
    // the form's setter is stable enough for a one-time fill: re-read only when the client changes
  }, [api, gt]);

  async function submit() {
    const email = form.value('email').trim();
    const body = { email: email === '' ? null : email, language: form.value('language') as 'zh' | 'en' };
    if (!form.check(MySettingsBody, body)) return;
    const saved = await form.send(() => notificationsApi.saveSettings(api, body), () => t('saved'));
    if (saved) setSettings(saved);
  }

  return (
    <section className="card stack" aria-labelledby="my-settings-title" data-testid="my-settings">
      <h2 id="my-settings-title" className="section-title">{t('settings')}</h2>
      <ErrorAlert error={error} />
      {!settings ? (error ? null : <p className="muted">{t('loading')}</p>) : (
        <>
          <dl className="kv" data-testid="my-channels">
            <dt>{t('channels')}</dt>
            <dd>{settings.channels.map((c) => t(`channel.${c}` as NotificationsKey)).join(lang === 'en' ? ', ' : '、')} <span className="hint">{t('channelsHint')}</span></dd>
          </dl>
          {settings.updatedBy && settings.updatedAt ? <p className="hint">{t('updatedBy', { who: personLabel(names, settings.updatedBy, lang), at: formatInstant(settings.updatedAt) })}</p> : null}
          <RecordFormFrame title={t('settingsForm')} intro={t('settingsIntro')} onSubmit={() => void submit()}>
            <div className="form-row">
              <RecordField form={form} name="email" label={t('email')} hint={t('emailHint')} autoComplete="email" />
              <RecordField form={form} name="language" label={t('language')} kind="select" options={(['zh', 'en'] as const).map((l) => ({ value: l, label: t(`language.${l}`) }))} />
            </div>
            <FormOutcome form={form} />
            <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('save')}</button></div>
          </RecordFormFrame>
        </>
      )}
    </section>
  );
}
