import { useCallback, useEffect, useMemo, useRef, useState, type SetStateAction } from 'react';
import { useSession } from '../auth/session.context';
import { localMessages } from '../i18n/local-messages';
import { draftStorageKey } from './draft-storage';
import { useLeaveGuard } from './leave-guard';

const useT = localMessages({
  'zh-CN': { leave: '表单中有尚未提交的内容（草稿已保存在本机）。确定离开此页吗？' },
  en: { leave: 'This form has changes not sent yet (a draft is kept on this computer). Leave the page?' },
});

export interface FormDraft<T> {
  value: T;
  set(next: SetStateAction<T>): void;
  /** differs from the initial values: a warning is shown before leaving */
  dirty: boolean;
  /** the values came back from a draft saved earlier (reload, Back, an expired session) */
  restored: boolean;
  /** after a successful submit, or when the user throws the draft away: back to the initial values */
  clear(): void;
  /** after a successful submit that leaves the values shown: they are the new baseline, the draft is dropped */
  keep(): void;
}

function read<T>(key: string | null): T | null {
  if (!key) return null;
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/**
 * A form's values kept as a local draft (localStorage, ADR 0034): restored when the page comes
 * back after a reload, Back/Forward or a sign-in, saved at every change, dropped by `clear()`
 * (call it when the submit succeeded). `form` names the form and its instance, e.g.
 * `application/new` or `customer/cust-1/archive-change`; `null` keeps no draft.
 */
export function useFormDraft<T>(form: string | null, initial: T): FormDraft<T> {
  const { t } = useT();
  const { session } = useSession();
  const key = form && session ? draftStorageKey(session.user.id, form) : null;
  const initialJson = useRef(JSON.stringify(initial)).current;
  const [baseline, setBaseline] = useState(initialJson);
  const saved = useMemo(() => read<T>(key), [key]);
  const [value, setValue] = useState<T>(() => merged(initial, saved));
  const [restored, setRestored] = useState(saved !== null);
  const latest = useRef(value);
  latest.current = value;

  const dirty = JSON.stringify(value) !== baseline;
  useEffect(() => {
    if (!key) return;
    if (dirty) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  }, [key, value, dirty]);
  useLeaveGuard(dirty, t('leave'));

  const set = useCallback((next: SetStateAction<T>) => setValue(next), []);
  const clear = useCallback(() => {
    if (key) localStorage.removeItem(key);
    setValue(JSON.parse(initialJson) as T);
    setBaseline(initialJson);
    setRestored(false);
  }, [key, initialJson]);
  const keep = useCallback(() => {
    if (key) localStorage.removeItem(key);
    setBaseline(JSON.stringify(latest.current));
    setRestored(false);
  }, [key]);
  return { value, set, dirty, restored, clear, keep };
}

/** A draft saved by an older form keeps the fields the form has now (a new field starts empty). */
function merged<T>(initial: T, saved: T | null): T {
  if (saved === null) return initial;
  const objects = [initial, saved].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
  return objects ? { ...initial, ...saved } : saved;
}
