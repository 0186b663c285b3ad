import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { ApplicationDecision, type Decided } from './inbox/application-decision';
import { type People, type TaskItem, TaskList } from './inbox/task-list';
import { TaskTypeFilter } from './inbox/task-type-filter';
import { taskTypeTitles } from './inbox/task-types';
import { useTasksT } from './inbox/tasks.messages';
import '../components/components.css';
import '../components/onboarding.css';

interface TaskPage {
  items: TaskItem[];
  counts: Record<string, number>;
  total: number;
  people: People;
}

/**
 * 待办: every task of every workflow the signed-in person may complete (GET /tasks), by due time,
 * filtered by type; an onboarding step opens its decision form here, any other task its workflow's page.
 */
export default function InboxPage({ segments }: FeaturePageProps) {
  const { t: tt, lang } = useTasksT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [page, setPage] = useState<TaskPage | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<Decided | null>(null);
  const selected = segments[0];

  const load = useCallback(
    async (minPosition?: number) => {
      try {
        setPage(await api.get<TaskPage>('/tasks', { minPosition, limit: 200, ...(type ? { type } : {}) }));
        setError(null);
      } catch (e) {
        setError(describeError(e, t));
      }
    },
    [api, t, type],
  );
  // the list is read again whenever it is shown: after a decision here, or back from a step someone else decided first
  const decidedAt = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!selected) void load(decidedAt.current);
  }, [load, selected]);

  const onDecided = (result: Decided) => {
    setNotice(result);
    decidedAt.current = result.position;
    window.location.hash = '#/inbox';
  };
  const open = (id: string) => {
    setNotice(null);
    window.location.hash = `#/inbox/${encodeURIComponent(id)}`;
  };

  return (
    <section>
      <PageHeading subtitle={tt('subtitle')}>{t('feature.inbox.title')}</PageHeading>
      <ErrorAlert error={error} />
      {notice && !selected ? (
        <p role={notice.conflict ? 'alert' : 'status'} className={`notice ${notice.conflict ? 'notice-warning' : 'notice-success'}`} data-testid="inbox-notice">
          {notice.message}
          {notice.details ? <span className="notice-details">{notice.details}</span> : null}
        </p>
      ) : null}
      {selected ? (
        <ApplicationDecision key={selected} id={selected} onDecided={onDecided} />
      ) : page === null ? null : (
        <>
          <TaskTypeFilter counts={page.counts} titles={taskTypeTitles(lang)} selected={type} onSelect={setType} />
          {page.items.length === 0 ? <p className="empty">{tt('empty')}</p> : <TaskList items={page.items} people={page.people} onOpenApplication={open} />}
        </>
      )}
    </section>
  );
}
