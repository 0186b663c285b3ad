import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/session.context';
import { formatInstant, localInputNow } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { calendarApi, holidayNames, type CalendarYear } from './calendar/calendar.api';
import { useCalendarT } from './calendar/calendar.messages';
import { DeadlineExplainer, type ExplainedDeadline } from './calendar/deadline-explainer';
import { MonthView } from './calendar/month-view';
import { CalendarSources } from './calendar/calendar-sources';
import { PublishYearForm } from './calendar/publish-year-form';
import type { FeaturePageProps } from './feature-pages';

/** Working-day calendar: the deadline explainer above, the month it lands in below. */
export default function CalendarPage(_props: FeaturePageProps) {
  const ct = useCalendarT();
  const { t } = useI18n();
  const { api, session } = useSession();
  const [published, setPublished] = useState(0);
  const [initialFrom] = useState(() => localInputNow());
  const [month, setMonth] = useState(() => initialFrom.slice(0, 7));
  const [result, setResult] = useState<ExplainedDeadline | null>(null);
  const [years, setYears] = useState<CalendarYear[]>([]);

  useEffect(() => {
    calendarApi.years(api).then((r) => setYears(r.years), () => setYears([]));
  }, [api, published]);
  const englishNames = useMemo(() => holidayNames(years), [years]);

  const showResult = (next: ExplainedDeadline) => {
    setResult(next);
    setMonth(formatInstant(next.deadline.due).slice(0, 7));
  };
  const steps = result?.deadline.explanation;
  const marks = { start: steps?.[0]?.date, due: steps?.[steps.length - 1]?.date };
  return (
    <div className="calendar-page">
      <PageHeading subtitle={ct.t('subtitle')}>{t('feature.calendar.title')}</PageHeading>
      <div className="calendar-layout">
        <DeadlineExplainer initialFrom={initialFrom} result={result} onResult={showResult} englishNames={englishNames} />
        <div className="calendar-side">
          <MonthView month={month} onMonthChange={setMonth} marks={marks} englishNames={englishNames} />
          <CalendarSources years={years} />
        </div>
      </div>
      {session?.user.roles.includes('administrator') ? (
        <PublishYearForm initialYear={Number(initialFrom.slice(0, 4)) + 1} onPublished={() => setPublished((n) => n + 1)} />
      ) : null}
    </div>
  );
}
