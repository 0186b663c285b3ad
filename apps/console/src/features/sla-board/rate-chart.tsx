import { percent, type RateBar } from './breach-rates';
import type { SlaT } from './sla-board.messages';

interface Props {
  st: SlaT;
  title: string;
  bars: readonly RateBar[];
  label(key: string): string;
  id: string;
  /** drawing width in SVG units: about the width it is shown at, so the text keeps its size */
  width?: number;
}

const H = 200;
const PAD = { top: 16, right: 8, bottom: 34, left: 40 };

/**
 * Breach rate as vertical bars in plain SVG: a y axis in percent, one bar per key, the rate above
 * each bar. Screen readers get one sentence for the chart and the numbers in a table below it.
 */
export function RateChart({ st, title, bars, label, id, width: W = 520 }: Props) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.min(46, slot * 0.62);
  const y = (rate: number) => PAD.top + plotH * (1 - rate);
  const summary = bars.map((b) => st.t('barSummary', { key: label(b.key), rate: percent(b.rate), breached: b.breached, classified: b.classified })).join('；');
  return (
    <figure className="rate-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={st.t('chartLabel', { title, summary })} data-testid={id}>
        {[0, 0.25, 0.5, 0.75, 1].map((g) => (
          <g key={g}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(g) + 4} className="chart-axis" textAnchor="end">
              {g * 100}%
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const cx = PAD.left + slot * i + slot / 2;
          const rate = b.rate ?? 0;
          return (
            <g key={b.key} className={b.rate === null ? 'chart-bar-empty' : rate > 0 ? 'chart-bar-bad' : 'chart-bar-good'}>
              <rect x={cx - barW / 2} y={y(rate)} width={barW} height={Math.max(b.rate === null ? 0 : 2, plotH * rate)} rx={3} />
              <text x={cx} y={y(rate) - 5} textAnchor="middle" className="chart-value">
                {b.rate === null ? '' : percent(b.rate)}
              </text>
              <text x={cx} y={H - PAD.bottom + 16} textAnchor="middle" className="chart-axis">
                {label(b.key)}
              </text>
              <text x={cx} y={H - PAD.bottom + 29} textAnchor="middle" className="chart-count">
                {b.classified ? `${b.breached}/${b.classified}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
