import type { FormInstance } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSession } from './session';

const PREFIX = 'buqi.draft.';

/**
 * What a person has typed into a form, kept in this tab's session storage as they type: when their
 * session ends mid-form they sign in again and find it where they left it. Kept per person, dropped
 * when the form is sent or when they sign out.
 */
export function useDraft<T extends object>(form: FormInstance<T>, name: string) {
  const { me } = useSession();
  const key = `${PREFIX}${me?.id ?? 'anonymous'}.${name}`;
  const initial = useMemo(() => {
    try {
      return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Partial<T>;
    } catch {
      return {};
    }
  }, [key]);
  const save = useCallback(() => {
    sessionStorage.setItem(key, JSON.stringify(form.getFieldsValue(true)));
  }, [form, key]);
  const clear = useCallback(() => sessionStorage.removeItem(key), [key]);
  return { initial, save, clear };
}

/** Forgets every draft in this tab: on a deliberate sign-out, nothing typed stays behind. */
export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
