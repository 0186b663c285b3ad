import { useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { CreateUserForm } from './users/create-user-form';
import { UserDetailView } from './users/user-detail';
import { UserList } from './users/user-list';
import { useUsersT } from './users/users.messages';
import '../components/onboarding.css';

/** 用户与角色: the accounts (`#/users`) and one account (`#/users/<user name>`), the administrator's. */
export default function UsersPage({ segments }: FeaturePageProps) {
  const { t } = useUsersT();
  const { t: gt } = useI18n();
  const [position, setPosition] = useState<number | undefined>(undefined);
  const username = segments[0];
  return (
    <section>
      <PageHeading subtitle={t('subtitle')}>{gt('feature.users.title')}</PageHeading>
      {username ? <UserDetailView key={username} username={username} /> : (
        <div className="stack">
          <CreateUserForm onCreated={setPosition} />
          <UserList minPosition={position} />
        </div>
      )}
    </section>
  );
}
