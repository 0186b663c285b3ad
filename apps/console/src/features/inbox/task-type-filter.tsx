import { useTasksT } from './tasks.messages';

/** Counts per task type as a filter: the API counts with the type filter left out, so every chip keeps its number. */
export function TaskTypeFilter({ counts, titles, selected, onSelect }: { counts: Record<string, number>; titles: Record<string, string>; selected: string | null; onSelect(type: string | null): void }) {
  const { t } = useTasksT();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const chip = (type: string | null, label: string, n: number) => (
    <button key={type ?? ''} type="button" className={`button button-small ${selected === type ? 'button-primary' : 'button-ghost'}`} aria-pressed={selected === type} onClick={() => onSelect(type)} data-task-filter={type ?? 'all'}>
      {label} <span className="badge">{n}</span>
    </button>
  );
  return (
    <div className="toolbar" role="group" aria-label={t('task')} data-testid="task-filter">
      {chip(null, t('all'), total)}
      {Object.entries(counts).map(([type, n]) => chip(type, titles[type] ?? type, n))}
    </div>
  );
}
