import { useState } from 'react';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { navigate } from '../router/hash-router';
import { PageHeading } from '../shell/page-heading';
import { featurePath } from './feature-catalogue';
import type { FeaturePageProps } from './feature-pages';
import { ForumDetail } from './forums/forum-detail';
import { ForumList } from './forums/forum-list';
import { ForumPlanForm } from './forums/forum-plan-form';
import { useForumsT } from './forums/forums.messages';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

/** 客户座谈会 (R-FORUM-1): `#/forums` lists; `#/forums/<id>` is one forum with the viewer's step. */
export default function ForumsPage({ segments }: FeaturePageProps) {
  const { t } = useForumsT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const [since, setSince] = useState<number | undefined>();
  const forumId = segments[0];
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.forums.title')}</PageHeading>
      {forumId ? <ForumDetail key={forumId} forumId={forumId} since={since} /> : (
        <>
          <ForumList minPosition={since} />
          {hasAnyRole(session.user, ['sales_reviewer']) ? (
            <section className="card">
              <ForumPlanForm onSent={(id, at) => { setSince(at); navigate(featurePath('forums', id)); }} />
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
