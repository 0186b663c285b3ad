import { Role } from '@crm/workflow-kit';
import { useI18n } from '../../i18n/i18n.context';
import { roleWord } from './person-label';

/** The roles as checkboxes, in the company's words; the chosen ones as the API names them. */
export function RoleChecks({ legend, chosen, onChange, error }: { legend: string; chosen: readonly string[]; onChange(roles: string[]): void; error?: string }) {
  const { lang } = useI18n();
  const toggle = (role: string, on: boolean) => onChange(on ? [...chosen, role] : chosen.filter((r) => r !== role));
  return (
    <fieldset className="field" aria-invalid={error ? true : undefined} data-testid="role-checks">
      <legend>{legend}</legend>
      <div className="radio-row">
        {Role.options.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={chosen.includes(role)} onChange={(e) => toggle(role, e.target.checked)} /> {roleWord(role, lang)}
          </label>
        ))}
      </div>
      {error ? <span className="field-error">{error}</span> : null}
    </fieldset>
  );
}
