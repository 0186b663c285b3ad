import { percent, ratesBy, type RateBar } from './breach-rates';
import { RateChart } from './rate-chart';
import type { StatsCell } from './sla.api';
import type { SlaT } from './sla-board.messages';

const CLASSES = ['general', 'major', 'serious'] as const;

const SHORT_MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** Breach rate per class and per month of receipt, with the numbers as a table for screen readers. */
export function BreachCharts({ st, cells, months }: { st: SlaT; cells: readonly StatsCell[]; months: readonly string[] }) {
  const byClass = ratesBy(cells, 'class', CLASSES);
  const byMonth = ratesBy(cells, 'month', months);
  const classLabel = (k: string) => st.t(`class.${k}` as 'class.general');
  // twelve bars share 420 units: "Apr", not "April", or the names run into each other
  const monthLabel = (k: string) => (st.lang === 'en' ? SHORT_MONTH.format(new Date(`${k}-01T00:00:00Z`)) : `${Number(k.slice(5))}月`);
  return (
    <section className="card" aria-labelledby="charts-title">
      <h2 id="charts-title">{st.t('chartsTitle')}</h2>
      <div className="charts">
        <RateChart st={st} id="chart-by-class" title={st.t('byClass')} width={260} bars={byClass} label={classLabel} />
        <RateChart st={st} id="chart-by-month" title={st.t('byMonth')} width={420} bars={byMonth} label={monthLabel} />
      </div>
      <details className="chart-data">
        <summary>{st.t('dataTable')}</summary>
        <RateTable st={st} bars={[...byClass.map((b) => ({ ...b, key: classLabel(b.key) })), ...byMonth.filter((b) => b.classified).map((b) => ({ ...b, key: b.key }))]} />
      </details>
    </section>
  );
}

function RateTable({ st, bars }: { st: SlaT; bars: readonly RateBar[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{st.t('classified')}</th>
          <th scope="col">{st.t('breachedCount')}</th>
          <th scope="col">{st.t('rate')}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row">{b.key}</th>
            <td>{b.classified}</td>
            <td>{b.breached}</td>
            <td>{percent(b.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
