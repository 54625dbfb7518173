import { useCallback, useSyncExternalStore } from 'react';

/** Below this width the header shows a menu button and a drawer instead of the navigation bar (styles.css agrees). */
export const PHONE_QUERY = '(max-width: 759.98px)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
