import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { Link } from '../router/hash-router';
import { PageHeading } from './page-heading';

/** Coming soon, not found, not permitted: a heading, one sentence and the way back. */
export function NoticePage({ title, children, tone = 'info' }: { title: string; children: ReactNode; tone?: 'info' | 'warning' }) {
  const { t } = useI18n();
  return (
    <section className={`notice-page notice-${tone}`}>
      <PageHeading>{title}</PageHeading>
      <p>{children}</p>
      <Link className="button button-secondary" to="/">
        {t('backHome')}
      </Link>
    </section>
  );
}
