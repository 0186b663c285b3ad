import type { ReactNode } from 'react';
import './components.css';

interface Common {
  /** the input's id; the error and hint ids derive from it */
  id: string;
  label: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  optionalText?: string;
  className?: string;
}

function described(id: string, error?: string, hint?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, error, hint, optional, optionalText, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && optionalText ? <span className="field-optional"> {optionalText}</span> : null}
      </label>
      {children}
      {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </div>
  );
}

/** A labelled text (or date, email, tel) input whose error is tied to it for screen readers. */
export function LabelledInput(props: Common & { value: string; onChange(value: string): void; type?: 'text' | 'date' | 'email' | 'tel'; autoComplete?: string; inputMode?: 'numeric' | 'tel' | 'email' | 'text'; placeholder?: string; maxLength?: number }) {
  const { id, value, onChange, type = 'text', autoComplete, inputMode, placeholder, maxLength, error, hint, optional } = props;
  return (
    <Frame {...props}>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={maxLength}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
      />
    </Frame>
  );
}

/** A labelled select; options are [value, label] pairs. */
export function LabelledSelect(props: Common & { value: string; onChange(value: string): void; options: ReadonlyArray<readonly [string, string]> }) {
  const { id, value, onChange, options, error, hint } = props;
  return (
    <Frame {...props}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described(id, error, hint)}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
