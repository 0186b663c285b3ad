import type { ComplaintsT } from './complaints.messages';
import type { ComplaintClass } from './complaints.api';

type Key = Parameters<ComplaintsT['t']>[0];

/** A label for a dynamic key, or the raw value when the dictionary has none (a state added later). */
export function labelOf(ct: ComplaintsT, prefix: 'state' | 'status' | 'class' | 'channel', value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}` as Key;
  const text = ct.t(key);
  return text === undefined ? value : text;
}

const CLASS_TONE: Record<ComplaintClass, string> = { general: 'badge-muted', major: 'badge-warning', serious: 'badge-danger' };

export function ClassBadge({ ct, value }: { ct: ComplaintsT; value: ComplaintClass | null }) {
  if (!value) return <span className="badge badge-muted">{ct.t('noDue')}</span>;
  return <span className={`badge ${CLASS_TONE[value]}`}>{labelOf(ct, 'class', value)}</span>;
}

/** Warned / breached / escalated, in words as well as colour. */
export function SlaBadges({ ct, warned, breached, escalated }: { ct: ComplaintsT; warned?: boolean; breached?: boolean; escalated?: boolean }) {
  return (
    <>
      {breached ? <span className="badge badge-danger">{ct.t('breached')}</span> : warned ? <span className="badge badge-warning">{ct.t('warned')}</span> : null}
      {escalated ? <span className="badge badge-primary">{ct.t('escalated')}</span> : null}
    </>
  );
}
