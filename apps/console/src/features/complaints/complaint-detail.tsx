import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { customerLabel, personLabel, useNames, type Names } from '../record-kit/names';
import { complaintsApi, type CommandAnswer, type ComplaintDetail } from './complaints.api';
import { ComplaintActions } from './complaint-actions';
import { ComplaintDeadline } from './complaint-deadline';
import { ClassBadge, labelOf, SlaBadges } from './complaint-labels';
import { useComplaintsT } from './complaints.messages';

/**
 * How often the open complaint is read again. The API's answer carries the working time left at
 * the service's own clock; the countdown ticks every second in between (working-time.ts).
 * Reading again also shows what other people did meanwhile.
 */
export const POLL_MS = 5_000;

export function ComplaintDetailCard({ id, onChanged }: { id: string; onChanged(answer: CommandAnswer): void }) {
  const ct = useComplaintsT();
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const [complaint, setComplaint] = useState<(ComplaintDetail & { sampledAt: number }) | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    () =>
      complaintsApi.get(api, id).then(
        (c) => (setComplaint({ ...c, sampledAt: performance.now() }), setError(null)),
        (e) => setError(describeError(e, t)),
      ),
    [api, id, t],
  );
  useEffect(() => {
    setComplaint(null);
    setNotice(null);
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const done = (answer: CommandAnswer) => {
    setNotice(`${ct.t('done')} ${labelOf(ct, 'state', answer.state)}`);
    void load();
    onChanged(answer);
  };

  const names = useNames(
    complaint ? [complaint.record.loggedBy, complaint.pendingExtension?.requestedBy, ...(complaint.pendingExtension?.approvals.map((x) => x.by) ?? []), complaint.draft?.by, complaint.resolution?.decidedBy] : [],
    complaint ? [complaint.record.customerId] : [],
  );
  if (!complaint) return <section className="card">{error ? <ErrorAlert error={error} /> : <p className="muted">{ct.t('loading')}</p>}</section>;
  const { record, sla } = complaint;
  return (
    <section className="card complaint-detail" aria-labelledby="complaint-title" data-state={complaint.state}>
      <div className="card-header">
        <h2 id="complaint-title">
          {customerLabel(names, record.customerId, lang)} · {formatInstant(record.receivedAt)}
        </h2>
        <div className="toolbar">
          <span className="badge badge-primary" data-testid="complaint-state">
            {labelOf(ct, 'state', complaint.state)}
          </span>
          <ClassBadge ct={ct} value={record.class} />
          <SlaBadges ct={ct} warned={sla?.warned} breached={sla?.breached} />
        </div>
      </div>
      <ErrorAlert error={error} />
      {notice ? (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      <dl className="kv">
        <dt>{ct.t('customer')}</dt>
        <dd>{customerLabel(names, record.customerId, lang, true)}</dd>
        <dt>{ct.t('received')}</dt>
        <dd>
          {formatInstant(record.receivedAt)} · {labelOf(ct, 'channel', record.channel)}
        </dd>
        <dt>{ct.t('loggedBy')}</dt>
        <dd>{personLabel(names, record.loggedBy, lang)}</dd>
        <dt>{ct.t('policyVersion')}</dt>
        <dd>{complaint.policyVersion ?? '—'}</dd>
        <dt>{ct.t('content')}</dt>
        <dd className="complaint-content">{record.content}</dd>
      </dl>
      <ComplaintDeadline complaint={complaint} sampledAt={complaint.sampledAt} pollMs={POLL_MS} />
      <Decisions complaint={complaint} names={names} />
      <ComplaintActions complaint={complaint} onDone={done} />
    </section>
  );
}

/** Where the handling stands: a pending extension, the draft awaiting a leader, the decided resolution. */
function Decisions({ complaint, names }: { complaint: ComplaintDetail; names: Names }) {
  const ct = useComplaintsT();
  const who = (id: string) => personLabel(names, id, ct.lang);
  const { pendingExtension: ext, draft, resolution, state } = complaint;
  if (!ext && !(draft && state === 'open.awaitingApproval') && !resolution) return null;
  return (
    <div className="decisions">
      {ext ? (
        <p className="alert alert-warning" data-testid="pending-extension">
          {ct.t('pendingExtension', { days: ext.additionalWorkingDays, total: ext.workingDays, by: who(ext.requestedBy), approvals: ext.approvals.map((a) => who(a.by)).join('、') || ct.t('none') })}
        </p>
      ) : null}
      {draft && state === 'open.awaitingApproval' ? (
        <blockquote className="quote">
          <div className="quote-title">{ct.t('currentDraft', { no: draft.draftNo, by: who(draft.by) })}</div>
          <div>{draft.text}</div>
          <div className="muted small">
            {ct.t('department')}：{draft.department} · {ct.t('handler')}：{draft.handler}
          </div>
        </blockquote>
      ) : null}
      {resolution ? (
        <blockquote className="quote quote-success">
          <div className="quote-title">{ct.t('resolution')}</div>
          <div>{resolution.text}</div>
          <div className="muted small">
            {ct.t('decidedBy', { by: who(resolution.decidedBy) })} · {resolution.department} · {resolution.handler}
          </div>
        </blockquote>
      ) : null}
    </div>
  );
}
