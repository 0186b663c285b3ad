import { useKeyAccountsT } from './key-accounts.messages';

export interface ParetoRow { customerId: string; name: string | null; tonnes: number; cumulativeShare: number; abcClass: string }

const W = 640;
const H = 220;
const PAD = { left: 44, right: 44, top: 12, bottom: 24 };
const CLASS_FILL: Record<string, string> = { A: '#1d4f91', B: '#5b8bd0', C: '#a9bfdf' };

/**
 * R-KAM-1 as a Pareto chart: bars are each customer's tonnage (coloured by class), the line their
 * cumulative share. Inline SVG so the console needs no chart package; the table beside it carries
 * the same figures for screen readers.
 */
export function ParetoChart({ rows }: { rows: readonly ParetoRow[] }) {
  const { t } = useKeyAccountsT();
  const max = Math.max(...rows.map((r) => r.tonnes), 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / rows.length;
  const x = (i: number) => PAD.left + i * step;
  const yBar = (v: number) => PAD.top + plotH * (1 - v / max);
  const yShare = (s: number) => PAD.top + plotH * (1 - s);
  const line = rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${(x(i) + step / 2).toFixed(1)},${yShare(r.cumulativeShare).toFixed(1)}`).join(' ');
  return (
    <figure className="chart pareto-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('paretoTitle')} data-testid="pareto-chart">
        <line x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} stroke="#8a94a6" />
        {[0, 0.5, 1].map((s) => (
          <text key={s} x={W - PAD.right + 6} y={yShare(s) + 4} fontSize="11" fill="#4a5568">{`${s * 100}%`}</text>
        ))}
        <text x={PAD.left - 6} y={PAD.top + 10} fontSize="11" fill="#4a5568" textAnchor="end">{Math.round(max)}</text>
        {rows.map((r, i) => (
          <rect key={r.customerId} x={x(i) + step * 0.15} width={step * 0.7} y={yBar(r.tonnes)} height={PAD.top + plotH - yBar(r.tonnes)} fill={CLASS_FILL[r.abcClass] ?? '#cbd5e0'} data-class={r.abcClass}>
            <title>{`${r.name ?? r.customerId}: ${r.tonnes} t (${r.abcClass})`}</title>
          </rect>
        ))}
        <path d={line} fill="none" stroke="#c05621" strokeWidth="2" />
        {rows.map((r, i) => <circle key={r.customerId} cx={x(i) + step / 2} cy={yShare(r.cumulativeShare)} r="3" fill="#c05621" />)}
      </svg>
      <figcaption className="muted small">{t('paretoTitle')}</figcaption>
    </figure>
  );
}
