const PREFIX = 'crm.console.draft';

/** Where a form's draft lives: per signed-in user, per form, per instance (the customer, the complaint…). */
export function draftStorageKey(userId: string, form: string): string {
  return `${PREFIX}:${userId}:${form}`;
}

/**
 * Drops every draft of one person: at an explicit sign-out the browser may be the next person's,
 * and a draft is plain text in localStorage (ADR 0034). An expired session keeps them.
 */
export function removeDraftsOf(userId: string): void {
  const own = `${PREFIX}:${userId}:`;
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k?.startsWith(own) === true);
  for (const key of keys) localStorage.removeItem(key);
}
