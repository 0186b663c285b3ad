import {
  ApproveExtension, ApproveResolution, ClassifyComplaint, CloseComplaint, DraftResolution, NotifyCustomer, ReclassifyComplaint,
  RecordSpecialMeetingDecision, RejectExtension, RequestExtension, SendBackResolution,
} from '@crm/complaints';
import type { ReactNode } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { CommandForm, type FieldSpec, type SubmitButton } from '../../components/command-form';
import { localInputNow } from '../../format/shanghai-time';
import { CHANNELS, CLASSES, complaintsApi, type CommandAnswer, type ComplaintDetail } from './complaints.api';
import { labelOf } from './complaint-labels';
import { useComplaintsT, type ComplaintsT } from './complaints.messages';

// The default policy's roles (R-CMP-2/3). They only decide which forms are shown: the
// complaint's own policy copy, applied by the API, decides what is allowed.
const HANDLERS = ['customer_manager', 'sales_reviewer'] as const;
const LEADERS = ['supervisor', 'general_manager'] as const;

interface Props {
  complaint: ComplaintDetail;
  onDone(answer: CommandAnswer): void;
}

/** The forms that move this complaint on, for what its state allows and the user's roles cover. */
export function ComplaintActions({ complaint, onDone }: Props) {
  const ct = useComplaintsT();
  const { api, session } = useSignedIn();
  const handler = hasAnyRole(session.user, HANDLERS);
  const leader = hasAnyRole(session.user, LEADERS);
  const gm = hasAnyRole(session.user, ['general_manager']);
  const state = complaint.state;
  const open = state.startsWith('open');
  const act = (action: string) => (body: Record<string, unknown>) => complaintsApi.act(api, complaint.id, action, body);
  const form = (key: string, title: string, fields: FieldSpec[], buttons: Array<SubmitButton & { schema: unknown }>, collapsed = false) => (
    <CommandForm
      key={`${key}-${complaint.revision}`}
      title={title}
      collapsed={collapsed}
      fields={fields}
      buttons={buttons}
      schemas={Object.fromEntries(buttons.map((b) => [b.label, b.schema])) as never}
      onDone={(a) => onDone(a as CommandAnswer)}
    />
  );
  const classField: FieldSpec = { name: 'class', label: ct.t('class'), kind: 'select', initial: complaint.record.class === 'general' ? 'major' : 'general', options: CLASSES.map((c) => ({ value: c, label: labelOf(ct, 'class', c) })) };

  const forms: ReactNode[] = [];
  if (state === 'received' && handler) {
    forms.push(form('classify', ct.t('classify'), [{ ...classField, initial: 'general' }], [{ label: ct.t('classifySubmit'), send: act('classify'), schema: ClassifyComplaint }]));
  }
  if (state === 'open.drafting' && handler) {
    forms.push(
      form('draft', ct.t('draftTitle'), [
        { name: 'department', label: ct.t('department'), initial: complaint.draft?.department ?? '' },
        { name: 'handler', label: ct.t('handler'), kind: 'person', initial: complaint.draft?.handler ?? session.user.id },
        { name: 'text', label: ct.t('resolutionText'), kind: 'textarea', initial: complaint.draft?.text ?? '' },
      ], [{ label: ct.t('draftSubmit'), send: act('resolution'), schema: DraftResolution }]),
    );
  }
  if (state === 'open.awaitingApproval' && leader) {
    forms.push(
      form('approve', ct.t('approveTitle'), [
        { name: 'comment', label: ct.t('comment'), kind: 'textarea', optional: true },
        { name: 'reason', label: ct.t('sendBackReason'), kind: 'textarea', optional: true },
      ], [
        { label: ct.t('approve'), send: act('resolution/approve'), uses: ['comment'], schema: ApproveResolution },
        { label: ct.t('sendBack'), tone: 'danger', send: act('resolution/send-back'), uses: ['reason'], schema: SendBackResolution },
      ]),
    );
  }
  if (state === 'open.awaitingMeeting' && gm) forms.push(meetingForm(ct, session.user.id, act, form));
  if (state === 'open.resolved' && handler) {
    forms.push(
      form('notify', ct.t('notifyTitle'), [
        { name: 'channel', label: ct.t('channel'), kind: 'select', initial: complaint.record.channel, options: CHANNELS.map((c) => ({ value: c, label: labelOf(ct, 'channel', c) })) },
        { name: 'message', label: ct.t('notifyMessage'), kind: 'textarea', initial: complaint.resolution?.text ?? '' },
      ], [{ label: ct.t('notify'), send: act('notify-customer'), schema: NotifyCustomer }]),
    );
  }
  if (state === 'notified' && handler) {
    forms.push(form('close', ct.t('closeTitle'), [{ name: 'notes', label: ct.t('notes'), kind: 'textarea', initial: '无' }], [{ label: ct.t('close'), send: act('close'), schema: CloseComplaint }]));
  }
  if (open && leader && complaint.pendingExtension) {
    const requestId = complaint.pendingExtension.requestId;
    forms.push(
      form('extension-decide', ct.t('approveExtension'), [
        { name: 'comment', label: ct.t('comment'), kind: 'textarea', optional: true },
        { name: 'reason', label: ct.t('rejectReason'), kind: 'textarea', optional: true },
      ], [
        { label: ct.t('approveExtension'), send: (b) => act('extensions/approve')({ ...b, requestId }), uses: ['comment'], schema: ApproveExtension.omit({ requestId: true }) },
        { label: ct.t('rejectExtension'), tone: 'danger', send: (b) => act('extensions/reject')({ ...b, requestId }), uses: ['reason'], schema: RejectExtension.omit({ requestId: true }) },
      ]),
    );
  }
  // R-CMP-3 (ADR 0026): only a major or serious complaint may be extended
  if (open && handler && !complaint.pendingExtension && !complaint.resolution && complaint.record.class !== 'general') {
    forms.push(
      form('extension', ct.t('extensionTitle'), [
        { name: 'additionalWorkingDays', label: ct.t('extensionDays'), kind: 'number', initial: '1', min: 1, max: 6, hint: ct.t('extensionHint') },
        { name: 'reason', label: ct.t('reason'), kind: 'textarea' },
      ], [{ label: ct.t('requestExtension'), tone: 'secondary', send: act('extensions'), schema: RequestExtension }], true),
    );
  }
  if (open && handler && !complaint.resolution && state !== 'open.awaitingApproval') {
    forms.push(
      form('reclassify', ct.t('reclassify'), [classField, { name: 'reason', label: ct.t('reason'), kind: 'textarea' }], [
        { label: ct.t('reclassify'), tone: 'secondary', send: act('reclassify'), schema: ReclassifyComplaint },
      ], true),
    );
  }
  return (
    <section className="complaint-actions" aria-labelledby="actions-title">
      <h3 id="actions-title" className="section-title">
        {ct.t('actionsTitle')}
      </h3>
      {forms.length > 0 ? forms : <p className="muted">{ct.t('noActions')}</p>}
    </section>
  );
}

type Act = (action: string) => (body: Record<string, unknown>) => Promise<CommandAnswer>;
type FormMaker = (key: string, title: string, fields: FieldSpec[], buttons: Array<SubmitButton & { schema: unknown }>) => ReactNode;

/** R-CMP-2: a serious complaint's special meeting, chaired and recorded by the general manager. */
function meetingForm(ct: ComplaintsT, me: string, act: Act, form: FormMaker): ReactNode {
  return form('meeting', ct.t('meetingTitle'), [
    { name: 'decision', label: ct.t('decision'), kind: 'textarea' },
    { name: 'minutes', label: ct.t('minutes'), kind: 'textarea' },
    { name: 'attendees', label: ct.t('attendees'), kind: 'people', initial: me },
    { name: 'department', label: ct.t('department') },
    { name: 'handler', label: ct.t('handler'), kind: 'person' },
    { name: 'heldAt', label: ct.t('heldAt'), kind: 'datetime', initial: localInputNow() },
  ], [{ label: ct.t('recordMeeting'), send: act('special-meeting'), schema: RecordSpecialMeetingDecision }]);
}
