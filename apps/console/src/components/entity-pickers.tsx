import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { companyCode, directoryApi, type PersonChoice } from '../api/directory-api';
import { useSignedIn } from '../auth/session.context';
import type { Role } from '../auth/session';
import { useI18n } from '../i18n/i18n.context';
import { localMessages } from '../i18n/local-messages';
import { type PickerOption, SearchPicker } from './search-picker';

const useT = localMessages({
  'zh-CN': { customer: '输入企业名称或统一社会信用代码查找', person: '输入姓名查找', remove: '移除 {name}', nobody: '尚未选择' },
  en: { customer: 'Type a company name or credit code', person: 'Type a name', remove: 'Remove {name}', nobody: 'Nobody chosen yet' },
});

export interface EntityPickerProps {
  id: string;
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  describedBy?: string;
}

/** A customer by company name or (part of) its credit code; the form gets its customer id. */
export function CustomerPicker(props: EntityPickerProps) {
  const { api } = useSignedIn();
  const { t } = useT();
  const search = useCallback(
    (text: string) => directoryApi.customers(api, text).then((items) => items.map((c): PickerOption => ({ value: c.customerId, label: c.name, detail: companyCode(c) }))),
    [api],
  );
  const describe = useCallback(
    (id: string) => directoryApi.customer(api, id).then((c): PickerOption => ({ value: c.customerId, label: c.name, detail: companyCode(c) })),
    [api],
  );
  return <SearchPicker {...props} search={search} describe={describe} placeholder={t('customer')} />;
}

/** A colleague by name, shown as 姓名（角色）; `role` keeps the choice to those who may take the part. */
export function PersonPicker({ role, ...props }: EntityPickerProps & { role?: string }) {
  const { api } = useSignedIn();
  const { t } = useT();
  const { t: gt } = useI18n();
  const option = useCallback((p: PersonChoice): PickerOption => ({ value: p.id, label: personLabel(p, (r) => gt(`role.${r as Role}`)) }), [gt]);
  const search = useCallback((text: string) => directoryApi.people(api, text, role).then((items) => items.map(option)), [api, role, option]);
  const describe = useCallback(
    (id: string) => directoryApi.people(api, id, undefined, 50).then((items) => {
      const found = items.find((p) => p.id === id);
      return found ? option(found) : null;
    }),
    [api, option],
  );
  return <SearchPicker {...props} search={search} describe={describe} placeholder={t('person')} />;
}

/** Several colleagues (attendees, participants): `value` is their ids, comma separated, as a `list` field sends them. */
export function PeoplePicker({ value, onChange, ...props }: EntityPickerProps & { role?: string }) {
  const { t } = useT();
  const ids = value.split(/[,，\s]+/).filter(Boolean);
  const add = (id: string) => id && !ids.includes(id) && onChange([...ids, id].join(','));
  const remove = (id: string) => onChange(ids.filter((x) => x !== id).join(','));
  return (
    <div className="people-picker">
      <ul className="picker-chosen-list" data-testid="people-chosen" aria-label={t('person')}>
        {ids.length === 0 ? <li className="hint">{t('nobody')}</li> : null}
        {ids.map((id) => (
          <li key={id} className="picker-chosen">
            <PersonName id={id} render={(name) => (
              <>
                <span>{name}</span>
                <button type="button" className="button button-ghost" aria-label={t('remove', { name })} onClick={() => remove(id)}>×</button>
              </>
            )} />
          </li>
        ))}
      </ul>
      <PersonPicker {...props} value="" onChange={add} />
    </div>
  );
}

/** One person's 姓名（角色） for an id the form holds (the id itself until the directory answers). */
function PersonName({ id, render }: { id: string; render(name: string): ReactNode }) {
  const { api } = useSignedIn();
  const { t: gt } = useI18n();
  const [name, setName] = useState(id);
  useEffect(() => {
    let live = true;
    directoryApi.people(api, id, undefined, 50).then((items) => {
      const found = items.find((p) => p.id === id);
      if (live && found) setName(personLabel(found, (r) => gt(`role.${r as Role}`)));
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [api, id, gt]);
  return <>{render(name)}</>;
}

/** 王经理（客户经理）: the directory's name without its English note, then the roles in the page's language. */
export function personLabel(person: Pick<PersonChoice, 'name' | 'roles'>, roleName: (role: string) => string): string {
  const name = person.name.replace(/\s*\([^)]*\)\s*$/, '');
  return person.roles.length ? `${name}（${person.roles.map(roleName).join('、')}）` : name;
}
