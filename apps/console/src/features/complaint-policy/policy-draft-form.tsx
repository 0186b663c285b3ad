import { ComplaintPolicy } from '@crm/complaints';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { roleWord } from '../users/person-label';
import { useRecordForm } from '../record-kit/use-record-form';
import { type PolicyVersion, usePolicyT } from './policy.messages';
import { adminWording } from '../users/field-check';

const HANDLERS = ['customer_manager', 'sales_reviewer'];
const LEADERS = ['supervisor', 'general_manager'];
const numberOf = (raw: string): number | undefined => (raw.trim() === '' ? undefined : Number(raw));

/** A new version, prefilled from the one in force, checked with the domain's ComplaintPolicy, proposed to the committee. */
export function PolicyDraftForm({ current }: { current: PolicyVersion }) {
  const { t } = usePolicyT();
  const { api } = useSignedIn();
  const p = current.policy;
  // the policy text's bounds are the schema's refinements: say which bound
  const own = { 'deadlines.general': t('generalRule'), 'deadlines.major': t('majorRule'), maxWorkingDays: t('maxRule'), warningShare: t('shareRule') };
  const form = useRecordForm({ version: '', 'deadlines.general': String(p.deadlines.general), 'deadlines.major': String(p.deadlines.major), maxWorkingDays: String(p.maxWorkingDays), warningShare: String(p.warningShare) }, { wording: adminWording(own) });
  const [roles, setRoles] = useState({ handlerRoles: p.handlerRoles, resolutionApproverRoles: p.resolutionApproverRoles, extensionApproverRoles: p.extensionApproverRoles });

  async function submit() {
    const body = {
      version: form.value('version').trim(),
      deadlines: { general: numberOf(form.value('deadlines.general')), major: numberOf(form.value('deadlines.major')) },
      maxWorkingDays: numberOf(form.value('maxWorkingDays')),
      warningShare: numberOf(form.value('warningShare')),
      ...roles,
      ...(p.readings ? { readings: p.readings } : {}),
    };
    const empty = Object.fromEntries(Object.entries(roles).filter(([, list]) => list.length === 0).map(([k]) => [k, t('pickOne')]));
    if (!form.check(ComplaintPolicy, body, empty)) return;
    await form.send(() => api.put('/complaint-policies/current', body), () => t('submitted', { version: body.version }));
  }

  return (
    <RecordFormFrame title={t('draft')} intro={t('draftIntro')} onSubmit={() => void submit()}>
      <div className="form-row">
        <RecordField form={form} name="version" label={t('versionName')} narrow />
        <RecordField form={form} name="deadlines.general" label={t('generalDays')} kind="number" narrow />
        <RecordField form={form} name="deadlines.major" label={t('majorDays')} kind="number" narrow />
        <RecordField form={form} name="maxWorkingDays" label={t('maxDays')} kind="number" narrow />
        <RecordField form={form} name="warningShare" label={t('warningShare')} kind="number" narrow />
      </div>
      <RoleSet legend={t('handlers')} options={HANDLERS} chosen={roles.handlerRoles} error={form.errors.handlerRoles} onChange={(handlerRoles) => setRoles({ ...roles, handlerRoles })} />
      <RoleSet legend={t('resolvers')} options={LEADERS} chosen={roles.resolutionApproverRoles} error={form.errors.resolutionApproverRoles} onChange={(resolutionApproverRoles) => setRoles({ ...roles, resolutionApproverRoles })} />
      <RoleSet legend={t('extenders')} options={LEADERS} chosen={roles.extensionApproverRoles} error={form.errors.extensionApproverRoles} onChange={(extensionApproverRoles) => setRoles({ ...roles, extensionApproverRoles })} />
      <FormOutcome form={form} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? t('sending') : t('submit')}</button></div>
    </RecordFormFrame>
  );
}

/** The roles a part may go to, kept in the order offered (an extension's chain of leaders is ordered). */
function RoleSet({ legend, options, chosen, error, onChange }: { legend: string; options: string[]; chosen: string[]; error?: string; onChange(roles: string[]): void }) {
  const { lang } = useI18n();
  const toggle = (role: string, on: boolean) => onChange(options.filter((r) => (r === role ? on : chosen.includes(r))));
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="radio-row">
        {options.map((role) => (
          <label key={role} className="checkbox"><input type="checkbox" checked={chosen.includes(role)} onChange={(e) => toggle(role, e.target.checked)} /> {roleWord(role, lang)}</label>
        ))}
      </div>
      {error ? <span className="field-error">{error}</span> : null}
    </fieldset>
  );
}
