import { useCacheStats } from '@stashkit/react';

/** How many records the normalized store holds, by type; updates on every store write. */
export function CacheStatsBadge() {
  const stats = useCacheStats();
  const byType = Object.entries(stats.byType)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => `${type}: ${count}`)
    .join(', ');
  return (
    <span className="sk-badge" data-testid="cache-stats" title={byType || 'empty'}>
      cache {stats.totalEntries}
      {stats.expired > 0 ? ` (${stats.expired} stale)` : ''}
    </span>
  );
}
