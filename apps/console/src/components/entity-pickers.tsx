import { useCallback } from 'react';
import { companyCode, directoryApi, type PersonChoice } from '../api/directory-api';
import { useSignedIn } from '../auth/session.context';
import type { Role } from '../auth/session';
import { useI18n } from '../i18n/i18n.context';
import { localMessages } from '../i18n/local-messages';
import { type PickerOption, SearchPicker } from './search-picker';

const useT = localMessages({
  'zh-CN': { customer: '输入企业名称或统一社会信用代码查找', person: '输入姓名查找' },
  en: { customer: 'Type a company name or credit code', person: 'Type a name' },
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

/** 王经理（客户经理）: the directory's name without its English note, then the roles in the page's language. */
export function personLabel(person: Pick<PersonChoice, 'name' | 'roles'>, roleName: (role: string) => string): string {
  const name = person.name.replace(/\s*\([^)]*\)\s*$/, '');
  return person.roles.length ? `${name}（${person.roles.map(roleName).join('、')}）` : name;
}
