/** `useCacheStats()`: `store.cacheStats()` (`{ totalEntries, byType, expired }`), kept current. */
import { CacheStatsObserver, type CacheStats } from '@stashkit/core';
import { useStashContext } from '../provider/stashContext';
import { useObserver, useObserverResult } from './useObserver';

export function useCacheStats(): CacheStats {
  const { store } = useStashContext('useCacheStats');
  const observer = useObserver(store, () => new CacheStatsObserver(store));
  return useObserverResult(observer);
}
