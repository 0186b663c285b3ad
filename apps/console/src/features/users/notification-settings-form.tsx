import { UserSettingsBody } from '@crm/workflow-kit';
import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { useRecordForm } from '../record-kit/use-record-form';
import { useUsersT } from './users.messages';
import { adminWording } from './field-check';

interface Settings { email: string | null; language: 'zh' | 'en'; channels: string[] }

/** Where a person's own notifications go besides the console: the address, the language, e-mail on or off (NOTIFY-EMAIL: on needs an address). */
export function NotificationSettingsForm({ username }: { username: string }) {
  const { t } = useUsersT();
  const { api } = useSignedIn();
  const form = useRecordForm({ email: '', language: 'zh', mail: 'off' }, { wording: adminWording() });
  const [loaded, setLoaded] = useState(false);
  const path = `/notification-settings/users/${encodeURIComponent(username)}`;

  useEffect(() => {
    api.get<Settings>(path).then((s) => {
      form.setValues({ email: s.email ?? '', language: s.language, mail: s.channels.includes('email') ? 'on' : 'off' });
      setLoaded(true);
    }, () => setLoaded(true));
    // read once per person: the form's own setter need not re-run it
  }, [api, path]);

  async function submit() {
    const email = form.value('email').trim();
    const body = { email: email || null, language: form.value('language'), channels: form.value('mail') === 'on' ? ['in_app', 'email'] : ['in_app'] };
    if (!form.check(UserSettingsBody, body, body.channels.includes('email') && !body.email ? { email: t('mailNeedsAddress') } : {})) return;
    await form.send(() => api.put(path, body), () => t('settingsSaved'));
  }

  if (!loaded) return null;
  return (
    <RecordFormFrame title={t('settings')} intro={t('settingsIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="email" label={t('email')} />
        <RecordField form={form} name="language" label={t('language')} kind="select" options={[{ value: 'zh', label: t('language.zh') }, { value: 'en', label: t('language.en') }]} />
        <RecordField form={form} name="mail" label={t('mail')} kind="select" options={[{ value: 'off', label: t('mail.off') }, { value: 'on', label: t('mail.on') }]} />
      </div>
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('saveSettings')}</button></div>
    </RecordFormFrame>
  );
}
