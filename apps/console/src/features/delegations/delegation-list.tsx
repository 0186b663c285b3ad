import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { ConfirmStep, FormOutcome, RecordField } from '../customers/records/record-fields';
import { named, type Person, roleWord } from '../users/person-label';
import { useRecordForm } from '../record-kit/use-record-form';
import { type DelegationRow, useDelegationsT } from './delegations.messages';
import { adminWording } from '../users/field-check';

/** The delegations the caller gave or holds (an administrator: all), by name; the delegator or an administrator revokes, after a confirmation. */
export function DelegationList({ minPosition, onRevoked }: { minPosition?: number; onRevoked(position: number): void }) {
  const { t } = useDelegationsT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [page, setPage] = useState<{ items: DelegationRow[]; people: Record<string, Person> } | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [revoking, setRevoking] = useState<DelegationRow | null>(null);
  const form = useRecordForm({ reason: '' }, { wording: adminWording() });

  useEffect(() => {
    api.get<{ items: DelegationRow[]; people: Record<string, Person> }>('/delegations', { minPosition }).then((p) => { setPage(p); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, minPosition, gt]);

  if (error) return <ErrorAlert error={error} />;
  if (!page) return <p className="muted">{t('loading')}</p>;
  const who = (id: string | null) => named(page.people, id, lang, t('unknownPerson'));
  const mayRevoke = (d: DelegationRow) => !d.revokedAt && (d.delegatorId === session.user.id || session.user.roles.includes('administrator'));

  async function revoke(d: DelegationRow) {
    const reason = form.value('reason').trim();
    const answer = await form.send(() => api.post<{ position: number }>(`/delegations/${encodeURIComponent(d.delegationId)}/revoke`, reason ? { reason } : {}), () => t('revoked'), { reset: true });
    setRevoking(null);
    if (answer) onRevoked(answer.position);
  }

  return (
    <section className="card card-flush" aria-labelledby="delegations-title">
      <div className="card-header"><h2 id="delegations-title" className="section-title">{t('list')}</h2></div>
      {page.items.length === 0 ? <p className="empty">{t('none')}</p> : (
        <table className="data-table" data-testid="delegations-table">
          <thead><tr><th scope="col">{t('delegator')}</th><th scope="col">{t('delegate')}</th><th scope="col">{t('role')}</th><th scope="col">{t('period')}</th><th scope="col">{t('status')}</th><th scope="col"><span className="visually-hidden">{t('revoke')}</span></th></tr></thead>
          <tbody>
            {page.items.map((d) => (
              <tr key={d.delegationId} data-delegation={d.delegationId}>
                <td>{who(d.delegatorId)}</td>
                <td>{who(d.delegateId)}</td>
                <td>{roleWord(d.role, lang)}</td>
                <td className="nowrap">{d.from} ~ {d.until}</td>
                <td>{d.revokedAt ? t('revokedBy', { name: who(d.revokedBy), at: formatInstant(d.revokedAt) }) : <span className="badge badge-success">{t('active')}</span>}</td>
                <td>{mayRevoke(d) ? <button type="button" className="button button-ghost button-small" onClick={() => setRevoking(d)}>{t('revoke')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="stack" style={{ padding: revoking || form.note || form.failure ? 16 : 0 }}>
        {revoking ? (
          <>
            <RecordField form={form} name="reason" label={t('revokeReason')} kind="textarea" />
            <ConfirmStep question={t('revokeConfirm', { name: who(revoking.delegateId), from: revoking.from, until: revoking.until })} confirmLabel={t('revokeButton')} busy={form.busy}
              onConfirm={() => void revoke(revoking)} onCancel={() => setRevoking(null)} />
          </>
        ) : null}
        <FormOutcome form={form} />
      </div>
    </section>
  );
}
