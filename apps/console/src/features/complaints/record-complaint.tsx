import { RecordComplaint } from '@crm/complaints';
import { useMemo } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { CommandForm, type FieldSpec } from '../../components/command-form';
import { localInputNow } from '../../format/shanghai-time';
import { CHANNELS, complaintsApi, type CommandAnswer, type RecordInput } from './complaints.api';
import { labelOf } from './complaint-labels';
import { useComplaintsT } from './complaints.messages';

// the API chooses the complaint id; the browser checks everything else exactly as the API will
const RecordSchema = RecordComplaint.omit({ complaintId: true });

/** R-CMP-1: the record of a complaint (客户投诉记录): who, when, how it came in, and what it says. */
export function RecordComplaintCard({ onRecorded, onCancel }: { onRecorded(answer: CommandAnswer): void; onCancel(): void }) {
  const ct = useComplaintsT();
  const { api } = useSignedIn();
  const fields = useMemo<FieldSpec[]>(
    () => [
      { name: 'customerId', label: ct.t('customer'), kind: 'customer' },
      { name: 'receivedAt', label: ct.t('receivedAt'), kind: 'datetime', initial: localInputNow() },
      { name: 'channel', label: ct.t('channel'), kind: 'select', initial: 'phone', options: CHANNELS.map((c) => ({ value: c, label: labelOf(ct, 'channel', c) })) },
      { name: 'content', label: ct.t('content'), kind: 'textarea' },
    ],
    [ct],
  );
  return (
    <section className="card" aria-labelledby="record-title">
      <div className="card-header">
        <h2 id="record-title">{ct.t('recordTitle')}</h2>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {ct.t('cancel')}
        </button>
      </div>
      <CommandForm
        title={ct.t('recordTitle')}
        showTitle={false}
        intro={ct.t('recordIntro')}
        fields={fields}
        schemas={{ [ct.t('record')]: RecordSchema }}
        buttons={[{ label: ct.t('record'), send: (body) => complaintsApi.record(api, body as RecordInput) }]}
        onDone={(answer) => onRecorded(answer as CommandAnswer)}
      />
    </section>
  );
}
