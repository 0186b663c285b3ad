import { LabelledInput, LabelledSelect } from '../../components/labelled-input';
import { useOnboardingLabels } from '../../components/onboarding-labels';
import { emptyContact, emptyDocument, type ContactDraft, type DocumentDraft } from './application-draft';
import { useApplicationT } from './application.messages';
import type { SectionProps } from './form-sections';

function replaceAt<T>(list: readonly T[], i: number, patch: Partial<T>): T[] {
  return list.map((item, j) => (j === i ? { ...item, ...patch } : item));
}

export function ContactsSection({ draft, errors, set }: SectionProps) {
  const { t } = useApplicationT();
  const change = (i: number, patch: Partial<ContactDraft>) => set({ contacts: replaceAt(draft.contacts, i, patch) });
  const field = (i: number, name: keyof ContactDraft, label: string, optional = false) => (
    <LabelledInput id={`app-contacts-${i}-${name}`} label={label} value={draft.contacts[i][name]} error={errors[`contacts.${i}.${name}`]}
      optional={optional} optionalText={t('optional')} onChange={(v) => change(i, { [name]: v })} type={name === 'email' ? 'email' : 'text'} />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('section.contacts')}</legend>
      {errors.contacts ? <p className="field-error" role="alert">{errors.contacts}</p> : null}
      {draft.contacts.map((_, i) => (
        <div className="repeat-row" key={i} role="group" aria-label={t('contactN', { n: i + 1 })}>
          <div className="repeat-head">
            <span className="repeat-title">{t('contactN', { n: i + 1 })}</span>
            {draft.contacts.length > 1 ? (
              <button type="button" className="button button-ghost button-small" onClick={() => set({ contacts: draft.contacts.filter((_, j) => j !== i) })}>
                {t('removeContact', { n: i + 1 })}
              </button>
            ) : null}
          </div>
          <div className="form-grid form-grid-4">
            {field(i, 'name', t('contactName'))}
            {field(i, 'telephone', t('contactTelephone'))}
            {field(i, 'position', t('contactPosition'), true)}
            {field(i, 'email', t('contactEmail'), true)}
          </div>
        </div>
      ))}
      {draft.contacts.length < 10 ? (
        <button type="button" className="button button-secondary button-small" onClick={() => set({ contacts: [...draft.contacts, emptyContact()] })}>
          ＋ {t('addContact')}
        </button>
      ) : null}
    </fieldset>
  );
}

export function DocumentsSection({ draft, errors, set }: SectionProps) {
  const { t } = useApplicationT();
  const { t: l } = useOnboardingLabels();
  const change = (i: number, patch: Partial<DocumentDraft>) => set({ documents: replaceAt(draft.documents, i, patch) });
  const kinds = (['business_licence', 'tax_registration', 'organisation_code', 'other'] as const).map((k) => [k, l(`doc.${k}`)] as const);
  const input = (i: number, name: Exclude<keyof DocumentDraft, 'kind'>, label: string, type: 'text' | 'date' = 'text', optional = false) => (
    <LabelledInput id={`app-documents-${i}-${name}`} label={label} type={type} value={draft.documents[i][name]} error={errors[`documents.${i}.${name}`]}
      optional={optional} optionalText={t('optional')} onChange={(v) => change(i, { [name]: v })} />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('section.documents')}</legend>
      {errors.documents ? <p className="field-error" role="alert">{errors.documents}</p> : null}
      {draft.documents.map((doc, i) => (
        <div className={`repeat-row${errors[`documents.${i}`] ? ' repeat-row-invalid' : ''}`} key={i} role="group" aria-label={t('documentN', { n: i + 1 })}>
          <div className="repeat-head">
            <span className="repeat-title">{t('documentN', { n: i + 1 })}</span>
            <button type="button" className="button button-ghost button-small" onClick={() => set({ documents: draft.documents.filter((_, j) => j !== i) })}>
              {t('removeDocument', { n: i + 1 })}
            </button>
          </div>
          {errors[`documents.${i}`] ? <p className="field-error" role="alert">{errors[`documents.${i}`]}</p> : null}
          <div className="form-grid form-grid-5">
            <LabelledSelect id={`app-documents-${i}-kind`} label={t('documentKind')} value={doc.kind} options={kinds} onChange={(v) => change(i, { kind: v })} />
            {input(i, 'number', t('documentNumber'))}
            {input(i, 'validFrom', t('validFrom'), 'date')}
            {input(i, 'validUntil', t('validUntil'), 'date')}
            {input(i, 'fileName', t('fileName'), 'text', true)}
          </div>
        </div>
      ))}
      {draft.documents.length < 20 ? (
        <button type="button" className="button button-secondary button-small" onClick={() => set({ documents: [...draft.documents, emptyDocument('other')] })}>
          ＋ {t('addDocument')}
        </button>
      ) : null}
    </fieldset>
  );
}
