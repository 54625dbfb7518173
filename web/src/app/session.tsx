import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, ApiError } from './api';
import type { Me } from './contracts';

interface SessionValue {
  readonly me: Me | null;
  readonly loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  const signIn = useCallback(
    async (email: string, password: string) => {
      await api('POST', '/api/auth/login', { email, password });
      const me = await api<Me>('GET', '/api/auth/me');
      // Drop everything cached for the previous account, keep the observer of `me` and feed it.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      queryClient.setQueryData(['me'], me);
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    queryClient.setQueryData(['me'], null);
  }, [queryClient]);
  const value = useMemo(() => ({ me: query.data ?? null, loading: query.isLoading, signIn, signOut }), [query.data, query.isLoading, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe needs a signed-in user');
  return me;
}
