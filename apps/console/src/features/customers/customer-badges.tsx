import { labelOr } from '../../components/onboarding-labels';
import { useCustomersT } from './customers.messages';

const STATUS_TONE: Record<string, string> = { active: 'badge-success', suspended: 'badge-warning', disqualified: 'badge-danger' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useCustomersT();
  return <span className={`badge ${STATUS_TONE[status] ?? 'badge-muted'}`}>{labelOr(t, `status.${status}`)}</span>;
}

export function GradeBadge({ grade }: { grade: string | null }) {
  const { t } = useCustomersT();
  return <span className="badge badge-primary">{grade ? labelOr(t, `grade.${grade}`) : t('grade.none')}</span>;
}
