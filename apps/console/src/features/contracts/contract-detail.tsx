import { ApproveContract, SignContract, TerminateContract } from '@crm/commerce';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { useCatalogue } from '../catalogue/use-catalogue';
import { featurePath } from '../feature-catalogue';
import { RECORD_WORDING } from '../customers/records/field-issues';
import { CommandCard } from '../record-kit/command-card';
import type { Wording } from '../record-kit/field-check';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import { beijingToday } from '../visits/visits.messages';
import { type ContractView, productLineLabel } from './contract-view';
import { contractStateLabel, useContractsT } from './contracts.messages';

const LEADERS = ['supervisor', 'general_manager'] as const;

/** One contract: parties, term, who drafted and approved it, its signature; the decisions the viewer's role may take (R-ARC-5). */
export function ContractDetail({ contractId, since }: { contractId: string; since?: number }) {
  const { t, lang } = useContractsT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const { catalogue } = useCatalogue();
  const [contract, setContract] = useState<ContractView | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>(since);
  // a decision's card goes once the contract moves on: its note stays with the contract
  const [note, setNote] = useState<string | null>(null);
  const decided = (words: string) => (at: number) => { setNote(words); setPosition(at); };
  const names = useNames([contract?.draftedBy, contract?.approvedBy], [contract?.customerId]);
  const load = useCallback(async () => {
    try { setContract(await api.get<ContractView>(`/contracts/${encodeURIComponent(contractId)}`)); setError(null); } catch (e) { setError(describeError(e, gt)); }
  }, [api, gt, contractId]);
  useEffect(() => void load(), [load, position]);

  const is = (roles: readonly string[]) => hasAnyRole(session.user, roles as never);
  const id = encodeURIComponent(contractId);
  const c = contract;
  const open = c && ['drafted', 'approved', 'inForce'].includes(c.state);
  return (
    <article className="stack" data-testid="contract-detail">
      <p><a href={`#${featurePath('contracts')}`}>{t('back')}</a></p>
      <ErrorAlert error={error} />
      {note ? <p className="alert alert-success" role="status">{note}</p> : null}
      {c ? (
        <section className="card" aria-labelledby="contract-title">
          <div className="card-header">
            <h2 id="contract-title">{`${customerLabel(names, c.customerId, lang)} · ${c.contractNo}`}</h2>
            <span className="badge badge-primary" data-state={c.state}>{contractStateLabel(c.state, lang)}</span>
          </div>
          <dl className="kv">
            <dt>{t('customer')}</dt><dd>{customerLabel(names, c.customerId, lang, true)}</dd>
            <dt>{t('productLine')}</dt><dd>{productLineLabel(catalogue, c.productLineId, lang)}</dd>
            <dt>{t('term')}</dt><dd>{t('termRange', { from: c.validFrom, until: c.validUntil })}</dd>
            <dt>{t('draftedBy')}</dt><dd>{personLabel(names, c.draftedBy, lang)}</dd>
            {c.approvedBy ? <><dt>{t('approvedBy')}</dt><dd>{personLabel(names, c.approvedBy, lang)}</dd></> : null}
            {c.signedOn ? <><dt>{t('signedOn')}</dt><dd>{c.signedOn}</dd></> : null}
            {c.signedText ? <><dt>{t('signedText')}</dt><dd>{t('signedTextKept', { name: c.signedText.name })}</dd></> : null}
          </dl>
          {c.warned && c.state === 'inForce' ? <p className="hint">{t('warned')}</p> : null}
          {c.state === 'drafted' && !is(LEADERS) ? <p className="hint">{t('waitingLeader')}</p> : null}
          {c.state === 'approved' && !is(['sales_reviewer']) ? <p className="hint">{t('waitingSign')}</p> : null}
        </section>
      ) : null}
      {c?.state === 'drafted' && is(LEADERS) ? (
        <section className="card" aria-label={t('approveTitle')}>
          {c.draftedBy === session.user.id ? <p className="hint">{t('notOwnDraft')}</p> : (
            <CommandCard title={t('approveTitle')} fields={[{ name: 'comment', label: t('comment') }]} body={(v) => ({ comment: v('comment').trim() || null })}
              schema={ApproveContract.strict()} call={(b) => api.post<CommandAnswer>(`/contracts/${id}/approve`, b)} submitLabel={t('approve')} success={null} onDone={decided(t('approved'))} />
          )}
        </section>
      ) : null}
      {c?.state === 'approved' && is(['sales_reviewer']) ? (
        <section className="card" aria-label={t('signTitle')}>
          <SignCard call={(b) => api.post<CommandAnswer>(`/contracts/${id}/sign`, b)} onDone={decided(t('signed'))} />
        </section>
      ) : null}
      {open && is(['sales_reviewer', 'general_manager']) ? (
        <section className="card" aria-label={t('terminateTitle')}>
          <CommandCard title={t('terminateTitle')} fields={[{ name: 'reason', label: t('reason'), kind: 'textarea' }]} body={(v) => ({ reason: v('reason') })}
            schema={TerminateContract.strict()} call={(b) => api.post<CommandAnswer>(`/contracts/${id}/terminate`, b)} submitLabel={t('terminate')} success={null}
            confirm={{ question: t('terminateConfirm', { no: c.contractNo }), label: t('terminateConfirmButton') }} onDone={decided(t('terminated'))} />
        </section>
      ) : null}
    </article>
  );
}

// the one refinement here is the form's own, already worded in the page's language
const SIGN_WORDING: Wording = (lang) => (issue) => (issue.code === 'custom' ? issue.message : RECORD_WORDING(lang)(issue));

/** The signing day may not lie ahead (the decider refuses it): the schema, plus that one check against today in Beijing. */
function SignCard({ call, onDone }: { call(body: unknown): Promise<CommandAnswer>; onDone(position: number): void }) {
  const { t } = useContractsT();
  const today = beijingToday();
  const schema = SignContract.strict().refine((b) => b.signedOn <= today, { message: t('signedLater'), path: ['signedOn'] });
  return (
    <CommandCard title={t('signTitle')} fields={[{ name: 'signedOn', label: t('signedOn'), kind: 'date', narrow: true }, { name: 'signedByCustomer', label: t('signedByCustomer') }]}
      initial={{ signedOn: today }} body={(v) => ({ signedOn: v('signedOn'), signedByCustomer: v('signedByCustomer') })}
      schema={schema} wording={SIGN_WORDING} call={call} submitLabel={t('sign')} success={null} onDone={onDone} />
  );
}
