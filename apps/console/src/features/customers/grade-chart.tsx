import { useId } from 'react';
import { formatInstant } from '../../format/shanghai-time';
import { GRADES, useCustomersT, type GradeFact } from './customers.messages';

const W = 560;
const H = 180;
const LEFT = 92;
const RIGHT = 24;
const TOP = 14;
const BOTTOM = 34;

/**
 * The grade over time as a step line (inline SVG, no chart library): one step per change,
 * grades from online auction at the bottom to three stars at the top. The changes are also
 * listed in the table beside it, so the picture is never the only way to read them.
 */
export function GradeChart({ name, history }: { name: string; history: readonly GradeFact[] }) {
  const { t } = useCustomersT();
  const titleId = useId();
  const points = history.filter((h) => GRADES.includes(h.newGrade as never));
  if (points.length === 0) return null;
  const y = (grade: string) => TOP + ((GRADES.length - 1 - GRADES.indexOf(grade as never)) * (H - TOP - BOTTOM)) / (GRADES.length - 1);
  const span = W - LEFT - RIGHT;
  const x = (i: number) => LEFT + (points.length === 1 ? 0 : (i * span * 0.85) / (points.length - 1));
  let path = `M ${x(0)} ${y(points[0].newGrade)}`;
  points.slice(1).forEach((p, i) => {
    path += ` H ${x(i + 1)} V ${y(p.newGrade)}`;
  });
  path += ` H ${W - RIGHT}`;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} data-testid="grade-chart">
      <title id={titleId}>{t('gradeChartTitle', { name })}</title>
      {GRADES.map((g) => (
        <g key={g}>
          <line className="grid-line" x1={LEFT} x2={W - RIGHT} y1={y(g)} y2={y(g)} />
          <text x={LEFT - 8} y={y(g) + 4} textAnchor="end">{t(`grade.${g}`)}</text>
        </g>
      ))}
      <path className="grade-line" d={path} />
      {points.map((p, i) => (
        <g key={p.position}>
          <circle className="grade-dot" cx={x(i)} cy={y(p.newGrade)} r={5} />
          <text x={x(i)} y={H - 12} textAnchor={i === 0 ? 'start' : 'middle'}>{p.month ?? formatInstant(p.at).slice(0, 10)}</text>
        </g>
      ))}
    </svg>
  );
}
