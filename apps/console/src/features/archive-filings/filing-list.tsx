import { AcknowledgeArchiveFiling } from '@crm/customers';
import { useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { CommandCard } from '../record-kit/command-card';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import type { CommandAnswer } from '../record-kit/use-record-form';
import { fieldLabel, useArchiveT } from './archive-filings.messages';

export interface Filing { filingId: string; customerId: string; kind: string; fields: string[]; occurredAt: string; status: 'pending' | 'acknowledged'; acknowledgedBy: string | null; acknowledgedAt: string | null; comment: string | null }
type Filter = 'pending' | 'acknowledged' | 'all';
const AcknowledgeBody = AcknowledgeArchiveFiling.omit({ filingId: true }).strict();

/** R-ARC-3: the filings, each company by name and credit code; the parent's department acknowledges a pending one. */
export function FilingList({ onFilings }: { onFilings(filings: Filing[]): void }) {
  const { t, lang } = useArchiveT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const id = useId();
  const [filter, setFilter] = useState<Filter>('pending');
  const [filings, setFilings] = useState<Filing[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>();
  const [opened, setOpened] = useState<string | null>(null);
  // an acknowledged filing may leave the list (filter 待确认): the note is said above it
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setNote(null), [lang]); // a note is worded in the language it came in
  const mayAcknowledge = hasAnyRole(session.user, ['parent_chemicals_sales']);
  const names = useNames(filings?.map((f) => f.acknowledgedBy) ?? [], filings?.map((f) => f.customerId) ?? []);
  useEffect(() => {
    api.get<{ items: Filing[] }>('/archive-filings', { status: filter === 'all' ? undefined : filter, minPosition: position, limit: 200 })
      .then((r) => { setFilings(r.items); onFilings(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, filter, position, onFilings]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>{t('filingsTitle')}</h2>
        <div className="field field-narrow">
          <label htmlFor={`${id}-filter`}>{t('filter')}</label>
          <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            {(['pending', 'acknowledged', 'all'] as const).map((f) => <option key={f} value={f}>{t(`filter.${f}`)}</option>)}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      {note ? <p className="alert alert-success" role="status">{note}</p> : null}
      {filings && filings.length === 0 ? <p className="empty">{t('filingsNone')}</p> : null}
      {filings && filings.length > 0 ? (
        <ul className="record-list" data-testid="archive-filings">
          {filings.map((f) => (
            <li key={f.filingId} data-filing={f.filingId} data-status={f.status}>
              <div className="card-header">
                <strong>{customerLabel(names, f.customerId, lang, true)}</strong>
                <span className={`badge ${f.status === 'acknowledged' ? 'badge-success' : 'badge-warning'}`}>{t(`status.${f.status}`)}</span>
              </div>
              <p>{t(`kind.${f.kind}` as 'kind.archive_opened')}{f.fields.length > 0 ? `：${f.fields.map((x) => fieldLabel(t, x)).join('、')}` : ''} <span className="muted">· {t('occurredAt')} {formatInstant(f.occurredAt)}</span></p>
              {f.acknowledgedBy && f.acknowledgedAt ? <p className="muted">{t('acknowledgedBy', { by: personLabel(names, f.acknowledgedBy, lang), at: formatInstant(f.acknowledgedAt), comment: f.comment ? `${lang === 'en' ? ': ' : '：'}${f.comment}` : '' })}</p> : null}
              {mayAcknowledge && f.status === 'pending' && opened !== f.filingId ? <button type="button" className="button button-primary" onClick={() => setOpened(f.filingId)}>{t('acknowledge')}</button> : null}
              {mayAcknowledge && f.status === 'pending' && opened === f.filingId ? (
                <CommandCard title={t('acknowledge')} fields={[{ name: 'comment', label: t('comment') }]} body={(v) => ({ comment: v('comment').trim() || undefined })} schema={AcknowledgeBody}
                  call={(b) => api.post<CommandAnswer>(`/archive-filings/${encodeURIComponent(f.customerId)}/${encodeURIComponent(f.filingId)}/acknowledge`, b)} submitLabel={t('acknowledge')}
                  success={null} onDone={(at) => { setNote(t('acknowledged', { customer: customerLabel(names, f.customerId, lang) })); setOpened(null); setPosition(at); }} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
