import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { useChannelsT } from './channels/channels.messages';
import { GroupChannelsCard } from './channels/group-channels-card';
import { WebhooksCard } from './channels/webhooks-card';
import type { FeaturePageProps } from './feature-pages';
import '../components/onboarding.css';

/** 通知渠道: the administrator's webhooks, robots and mailboxes per department. */
export default function ChannelsPage(_props: FeaturePageProps) {
  const { t } = useChannelsT();
  const { t: gt } = useI18n();
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.channels.title')}</PageHeading>
      <WebhooksCard />
      <GroupChannelsCard />
    </section>
  );
}
