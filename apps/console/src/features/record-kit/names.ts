import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import type { Names } from './name-labels';

export { customerLabel, type Names, personLabel } from './name-labels';

const EMPTY: Names = { people: {}, customers: {} };

/**
 * The names of the people and companies a screen's records carry as ids (GET /names). Until they
 * arrive, and for an id the directory does not know, the labels fall back to a neutral word, never
 * the raw id.
 */
export function useNames(people: ReadonlyArray<string | null | undefined>, customers: ReadonlyArray<string | null | undefined> = []): Names {
  const { api } = useSignedIn();
  const [answered, setAnswered] = useState<{ key: string; names: Names }>({ key: '', names: EMPTY });
  const p = [...new Set(people.filter((x): x is string => !!x))].sort().join(',');
  const c = [...new Set(customers.filter((x): x is string => !!x))].sort().join(',');
  const key = `${p}|${c}`;
  useEffect(() => {
    if (!p && !c) return;
    let live = true;
    api.get<Names>('/names', { people: p || undefined, customers: c || undefined }).then((n) => live && setAnswered({ key, names: n }), () => live && setAnswered((a) => ({ key, names: a.names })));
    return () => { live = false; };
  }, [api, p, c, key]);
  // the previous answer keeps showing the names it has while the next lookup runs
  return answered.key === key || (!p && !c) ? answered.names : { ...answered.names, loading: true };
}
