import { useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { useChannelsT } from './channels/channels.messages';
import { GroupChannelsCard } from './channels/group-channels-card';
import { type PlantOffice, PlantOfficesCard } from './channels/plant-offices-card';
import { WebhooksCard } from './channels/webhooks-card';
import type { FeaturePageProps } from './feature-pages';
import '../components/onboarding.css';

/** 通知渠道: the administrator's webhooks, robots and mailboxes per department, and the plant offices that are recipients too. */
export default function ChannelsPage(_props: FeaturePageProps) {
  const { t } = useChannelsT();
  const { t: gt } = useI18n();
  const [offices, setOffices] = useState<PlantOffice[]>([]);
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.channels.title')}</PageHeading>
      <WebhooksCard offices={offices} />
      <GroupChannelsCard offices={offices} />
      <PlantOfficesCard onChanged={setOffices} />
    </section>
  );
}
