import type { CalendarYear } from './calendar.api';
import { useCalendarT } from './calendar.messages';

/** Which notices the calendar comes from: a deadline is only as good as its source. */
export function CalendarSources({ years }: { years: readonly CalendarYear[] }) {
  const ct = useCalendarT();
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => b.year - a.year);
  return (
    <section className="card" aria-labelledby="sources-title">
      <h2 id="sources-title">{ct.t('sourcesTitle')}</h2>
      <p className="muted">{ct.t('sourcesIntro')}</p>
      <ul className="sources">
        {sorted.map((y) => (
          <li key={y.year}>
            <span className="source-year">{y.year}</span>
            <span>
              <span className="source-notice">{y.source}</span>
              {y.title ? <span className="source-title">{y.title}</span> : null}
              {y.publishedOn ? <span className="muted small">{ct.t('publishedOn', { date: y.publishedOn })}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
