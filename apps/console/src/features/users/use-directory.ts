import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import type { UserRow } from './users.messages';

/** Every user (GET /users, the administrator's and auditor's), re-read after a change at `minPosition`. */
export function useDirectory(minPosition: number | undefined) {
  const { api } = useSignedIn();
  const { t } = useI18n();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    api.get<{ items: UserRow[] }>('/users', { limit: 200, minPosition }).then(
      (page) => { setUsers(page.items); setError(null); },
      (e) => setError(describeError(e, t)),
    );
  }, [api, minPosition, t]);
  const people = Object.fromEntries((users ?? []).map((u) => [u.username, u]));
  return { users, people, error };
}
