import { useEffect, useState } from 'react';
import { useSignedIn } from '../../auth/session.context';

export interface CustomerOption { value: string; label: string }

/**
 * The customers the viewer may see (GET /customers; a customer manager their own, R-KAM-2), as a
 * select's options: the company's name, the empty first option asking to choose. The shared
 * search-as-you-type picker replaces this once it exists.
 */
export function useCustomerOptions(choose: string): CustomerOption[] {
  const { api } = useSignedIn();
  const [items, setItems] = useState<Array<{ customerId: string; name: string }>>([]);
  useEffect(() => {
    let live = true;
    api.get<{ items: Array<{ customerId: string; name: string }> }>('/customers', { limit: 500 }).then((r) => live && setItems(r.items), () => undefined);
    return () => { live = false; };
  }, [api]);
  return [{ value: '', label: choose }, ...items.map((c) => ({ value: c.customerId, label: c.name }))];
}
