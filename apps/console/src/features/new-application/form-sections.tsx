import { PersonPicker } from '../../components/entity-pickers';
import { LabelledInput, LabelledSelect } from '../../components/labelled-input';
import { useOnboardingLabels } from '../../components/onboarding-labels';
import type { ApplicationDraft } from './application-draft';
import { useApplicationT } from './application.messages';
import type { FieldErrors } from './form-issues';

export interface SectionProps {
  draft: ApplicationDraft;
  errors: FieldErrors;
  set(patch: Partial<ApplicationDraft>): void;
}

/** A text input bound to one top-level draft field, labelled by the same-named message. */
function DraftInput({ draft, errors, set, name, ...rest }: SectionProps & { name: keyof ApplicationDraft & keyof typeof LABEL_OF; hint?: string; inputMode?: 'numeric' | 'tel'; autoComplete?: string }) {
  const { t } = useApplicationT();
  return (
    <LabelledInput id={`app-${name}`} label={t(LABEL_OF[name])} value={String(draft[name])} error={errors[name]} onChange={(v) => set({ [name]: v })} {...rest} />
  );
}
const LABEL_OF = {
  companyName: 'companyName', region: 'region', customerManagerId: 'customerManagerId', creditCode: 'creditCode', businessLicenceNo: 'businessLicenceNo',
  taxRegistrationNo: 'taxRegistrationNo', organisationCode: 'organisationCode', bank: 'bank', accountNumber: 'accountNumber', postalAddress: 'postalAddress', telephone: 'telephone',
} as const;

export function CompanySection(p: SectionProps) {
  const { t } = useApplicationT();
  return (
    <fieldset className="form-section">
      <legend>{t('section.company')}</legend>
      <div className="form-grid">
        <DraftInput {...p} name="companyName" hint={t('companyNameHint')} autoComplete="organization" />
        <DraftInput {...p} name="region" />
        <ManagerPicker {...p} />
      </div>
    </fieldset>
  );
}

/** 客户经理 is picked from the people holding that role (ADR 0034), not typed as a username. */
function ManagerPicker({ draft, errors, set }: SectionProps) {
  const { t } = useApplicationT();
  const id = 'app-customerManagerId';
  const error = errors.customerManagerId;
  return (
    <div className="field">
      <label htmlFor={id}>{t('customerManagerId')}</label>
      <PersonPicker id={id} role="customer_manager" value={draft.customerManagerId} onChange={(v) => set({ customerManagerId: v })} invalid={Boolean(error)} describedBy={error ? `${id}-error` : undefined} />
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </div>
  );
}

export function IdentifiersSection(p: SectionProps) {
  const { t } = useApplicationT();
  return (
    <fieldset className="form-section">
      <legend>{t('section.identifiers')}</legend>
      <div role="radiogroup" aria-label={t('identifierKind')} className="radio-row">
        {(['unified', 'separate'] as const).map((kind) => (
          <label key={kind} className="radio">
            <input type="radio" name="identifierKind" value={kind} checked={p.draft.identifierKind === kind} onChange={() => p.set({ identifierKind: kind })} />
            {t(kind)}
          </label>
        ))}
      </div>
      <div className="form-grid">
        {p.draft.identifierKind === 'unified' ? (
          <DraftInput {...p} name="creditCode" hint={t('creditCodeHint')} />
        ) : (
          <>
            <DraftInput {...p} name="businessLicenceNo" inputMode="numeric" />
            <DraftInput {...p} name="taxRegistrationNo" />
            <DraftInput {...p} name="organisationCode" />
          </>
        )}
      </div>
    </fieldset>
  );
}

export function InvoicingSection(p: SectionProps) {
  const { t } = useApplicationT();
  return (
    <fieldset className="form-section">
      <legend>{t('section.invoicing')}</legend>
      <div className="form-grid">
        <DraftInput {...p} name="bank" />
        <DraftInput {...p} name="accountNumber" inputMode="numeric" />
        <DraftInput {...p} name="postalAddress" autoComplete="street-address" />
        <DraftInput {...p} name="telephone" inputMode="tel" />
      </div>
    </fieldset>
  );
}

export function ClassSection({ draft, errors, set }: SectionProps) {
  const { t } = useApplicationT();
  const { t: l } = useOnboardingLabels();
  return (
    <fieldset className="form-section">
      <legend>{t('section.class')}</legend>
      <div className="form-grid">
        <LabelledSelect id="app-productLine" label={t('productLine')} value={draft.productLine} onChange={(v) => set({ productLine: v })}
          options={[['polyolefin', l('line.polyolefin')], ['other_chemicals', l('line.other_chemicals')]]} />
        <LabelledSelect id="app-salesObject" label={t('salesObject')} value={draft.salesObject} onChange={(v) => set({ salesObject: v })} error={errors.customerClass}
          options={[['distributor', l('object.distributor')], ['direct', l('object.direct')], ['exclusive_agent', l('object.exclusive_agent')]]} />
        <LabelledSelect id="app-salesForm" label={t('salesForm')} value={draft.salesForm} onChange={(v) => set({ salesForm: v })}
          options={[['online_auction', l('form.online_auction')], ['planned', l('form.planned')], ['', l('form.none')]]} />
      </div>
    </fieldset>
  );
}
