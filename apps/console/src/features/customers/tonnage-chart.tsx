import { useId } from 'react';
import { useCustomersT } from './customers.messages';

const W = 420;
const H = 200;
const TOP = 22;
const BOTTOM = 30;
const SIDE = 16;

/** Monthly tonnage as bars with their values written on them (inline SVG). */
export function TonnageChart({ name, months }: { name: string; months: ReadonlyArray<{ month: string; tonnes: number; pickups: number }> }) {
  const { t } = useCustomersT();
  const titleId = useId();
  const shown = months.slice(-12);
  const max = Math.max(1, ...shown.map((m) => m.tonnes));
  const slot = (W - 2 * SIDE) / Math.max(shown.length, 4);
  const bar = Math.min(48, slot * 0.6);
  const height = (tonnes: number) => ((H - TOP - BOTTOM) * tonnes) / max;
  return (
    <>
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} data-testid="tonnage-chart">
      <title id={titleId}>{t('tonnageChartTitle', { name })}</title>
      <line className="grid-line" x1={SIDE} x2={W - SIDE} y1={H - BOTTOM} y2={H - BOTTOM} />
      {shown.map((m, i) => {
        const cx = SIDE + slot * i + slot / 2;
        const h = height(m.tonnes);
        return (
          <g key={m.month}>
            <rect className="bar" x={cx - bar / 2} y={H - BOTTOM - h} width={bar} height={h} rx={3} />
            <text className="bar-label" x={cx} y={H - BOTTOM - h - 6} textAnchor="middle">{formatTonnes(m.tonnes)}</text>
            <text x={cx} y={H - 10} textAnchor="middle">{m.month}</text>
          </g>
        );
      })}
    </svg>
    {/* the same figures as text, for screen readers: the picture is role="img" */}
    <table className="visually-hidden">
      <caption>{t('tonnageChartTitle', { name })}</caption>
      <thead><tr><th scope="col">{t('month')}</th><th scope="col">{t('tonnes')}</th><th scope="col">{t('pickups')}</th></tr></thead>
      <tbody>{months.map((m) => <tr key={m.month}><th scope="row">{m.month}</th><td>{formatTonnes(m.tonnes)}</td><td>{m.pickups}</td></tr>)}</tbody>
    </table>
    </>
  );
}

export function formatTonnes(tonnes: number): string {
  return tonnes.toLocaleString('zh-CN', { maximumFractionDigits: 3 });
}
