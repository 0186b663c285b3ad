import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import type { Catalogue } from '../contracts/contract-view';

/** GET /catalogue (every role reads it): product lines and designated warehouses, reloaded when `version` changes. */
export function useCatalogue(version = 0): { catalogue: Catalogue | null; error: ErrorDescription | null } {
  const { api } = useSignedIn();
  const { t: gt } = useI18n();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    let live = true;
    api.get<Catalogue>('/catalogue').then((c) => { if (live) { setCatalogue(c); setError(null); } }, (e) => live && setError(describeError(e, gt)));
    return () => { live = false; };
  }, [api, gt, version]);
  return { catalogue, error };
}
