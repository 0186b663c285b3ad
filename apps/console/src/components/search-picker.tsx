import { useEffect, useState } from 'react';
import { localMessages } from '../i18n/local-messages';
import './components.css';

const useT = localMessages({
  'zh-CN': { change: '更换', none: '没有找到匹配的结果', searching: '正在查找…', typeToSearch: '输入关键字查找' },
  en: { change: 'Change', none: 'Nothing matches', searching: 'Searching…', typeToSearch: 'Type to search' },
});

export interface PickerOption {
  value: string;
  label: string;
  /** shown smaller beside the label: a credit code, a role */
  detail?: string;
}

export interface SearchPickerProps {
  /** the search input's id: the field's <label htmlFor> names it */
  id: string;
  /** the chosen id ('' when none), which is what the form sends */
  value: string;
  onChange(value: string): void;
  search(text: string): Promise<PickerOption[]>;
  /** the chosen id's label, for a value that came from a draft or an initial value */
  describe(value: string): Promise<PickerOption | null>;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}

const WAIT_MS = 250;

/**
 * Pick one record by searching it (a company by name or credit code, a person by name): the form
 * holds the id, the user only ever reads names. A chosen value shows its label with a change button.
 */
export function SearchPicker({ id, value, onChange, search, describe, placeholder, invalid, describedBy }: SearchPickerProps) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<PickerOption[] | null>(null);
  const [chosen, setChosen] = useState<PickerOption | null>(null);

  useEffect(() => {
    if (!value) return setChosen(null);
    if (chosen?.value === value) return;
    let live = true;
    describe(value).then((o) => live && setChosen(o ?? { value, label: value }), () => live && setChosen({ value, label: value }));
    return () => {
      live = false;
    };
  }, [value, chosen?.value, describe]);

  useEffect(() => {
    if (value || !text.trim()) return setOptions(null);
    let live = true;
    const timer = setTimeout(() => search(text.trim()).then((found) => live && setOptions(found), () => live && setOptions([])), WAIT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, value, search]);

  if (value && chosen) {
    return (
      <div className="picker-chosen" data-testid="picker-chosen">
        <output id={`${id}-chosen`} aria-describedby={describedBy}>
          {chosen.label}
          {chosen.detail ? <span className="picker-code">{chosen.detail}</span> : null}
        </output>
        <button type="button" id={id} className="button button-ghost" aria-label={`${t('change')}：${chosen.label}`} onClick={() => (onChange(''), setText(''))}>
          {t('change')}
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <input
        id={id}
        type="search"
        value={text}
        autoComplete="off"
        placeholder={placeholder ?? t('typeToSearch')}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => setText(e.target.value)}
      />
      {options === null ? null : options.length === 0 ? (
        <p className="hint" role="status">{t('none')}</p>
      ) : (
        <ul className="picker-options" aria-label={placeholder ?? t('typeToSearch')}>
          {options.map((o) => (
            <li key={o.value}>
              <button type="button" onClick={() => (setChosen(o), setText(''), onChange(o.value))}>
                {o.label}
                {o.detail ? <span className="picker-code">{o.detail}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
