import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { MyNotificationsCard } from './notifications/my-notifications-card';
import { MySettingsCard } from './notifications/my-settings-card';
import { useNotificationsT } from './notifications/notifications.messages';
import { OUTBOX_ROLES, OutboxCard } from './notifications/outbox-card';
import '../components/components.css';
import '../components/onboarding.css';

/** 我的通知: the full list behind the bell, my own settings, and (for those the API shows it to) the departments' outbox. */
export default function NotificationsPage(_props: FeaturePageProps) {
  const { t } = useNotificationsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.notifications.title')}</PageHeading>
      <MyNotificationsCard />
      <MySettingsCard />
      {hasAnyRole(session.user, OUTBOX_ROLES) ? <OutboxCard /> : null}
    </section>
  );
}
