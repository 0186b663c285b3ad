import { useEffect, useState } from 'react';
import { useSession } from '../auth/session.context';
import { useLocation } from '../router/hash-router';

/** How many tasks wait on the signed-in person (GET /tasks total), refreshed on every navigation. */
export function useTaskCount(): number | null {
  const { session, api } = useSession();
  const { path } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!session || session.mustChangePassword) return;
    let live = true;
    api.get<{ total: number }>('/tasks', { limit: 1 }).then((page) => live && setCount(page.total), () => live && setCount(null));
    return () => void (live = false);
  }, [api, session, path]);
  return count;
}
