import { useEffect, useState } from 'react';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { personLabel, useNames } from '../record-kit/names';
import { useStepStandingT } from './step-standing.messages';

interface InboxEntry { applicationId: string; round: number; reminded: boolean; waitingWorkingDays: number; onBehalfOf: string | null }

/** Who GET /inbox answers for: the roles that decide onboarding steps. */
const DECIDING = ['sales_reviewer', 'finance_reviewer', 'general_manager'] as const;

/**
 * The onboarding inbox's word on one application (GET /inbox: the steps the caller may decide, with
 * ONB-SELF and ONB-SOD applied and delegations in force): how long its step has waited in working
 * days, on whose behalf the viewer decides, or that the step is not theirs, before they try.
 */
export function StepStanding({ applicationId }: { applicationId: string }) {
  const { t } = useStepStandingT();
  const { lang } = useI18n();
  const { api, session } = useSignedIn();
  const decides = hasAnyRole(session.user, DECIDING);
  const [entry, setEntry] = useState<InboxEntry | null | undefined>(undefined);
  const names = useNames([entry?.onBehalfOf]);
  useEffect(() => {
    if (!decides) return;
    api.get<{ items: InboxEntry[] }>('/inbox', { limit: 200 }).then((r) => setEntry(r.items.find((i) => i.applicationId === applicationId) ?? null), () => setEntry(undefined));
  }, [api, applicationId, decides]);
  if (!decides || entry === undefined) return null;
  if (entry === null) return <p className="alert alert-warning" data-testid="step-standing">{t('notYours')}</p>;
  return (
    <p className="hint" data-testid="step-standing">
      {t('waiting', { n: entry.waitingWorkingDays, round: entry.round })}
      {entry.reminded ? ` ${t('reminded')}` : ''}
      {entry.onBehalfOf ? ` ${t('onBehalf', { who: personLabel(names, entry.onBehalfOf, lang) })}` : ''}
    </p>
  );
}
