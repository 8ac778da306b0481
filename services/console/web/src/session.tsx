import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, SIGNED_OUT_EVENT } from './api';
import { clearDrafts } from './draft';

export interface Me {
  id: string;
  name: string;
  roles: string[];
  department?: string;
  crew?: string;
  contractor?: string;
}

interface Session {
  /** undefined while asking the server, null when nobody is signed in. */
  me: Me | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Set when the server said the session ended (not a deliberate sign-out). */
  ended: boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);
const ME_CACHE = 'buqi.me';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    api<Me>('/auth/me')
      .then(({ data }) => {
        localStorage.setItem(ME_CACHE, JSON.stringify(data));
        setMe(data);
      })
      .catch((err: unknown) => {
        // Offline with a session from before: keep working from what this phone already holds.
        const cached = localStorage.getItem(ME_CACHE);
        if (err instanceof ApiError && err.status === 0 && cached) setMe(JSON.parse(cached) as Me);
        else setMe(null);
      });
    const onEnded = () => {
      setEnded(true);
      setMe(null);
    };
    window.addEventListener(SIGNED_OUT_EVENT, onEnded);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onEnded);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { data } = await api<Me>('/auth/sign-in', { body: { username, password } });
    localStorage.setItem(ME_CACHE, JSON.stringify(data));
    setEnded(false);
    setMe(data);
  }, []);

  const signOut = useCallback(async () => {
    await api('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    localStorage.removeItem(ME_CACHE);
    clearDrafts();
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, signIn, signOut, ended }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const hasRole = (me: Me | null | undefined, ...roles: string[]) =>
  !!me && roles.some((r) => me.roles.includes(r));
