import type { FiltersOf } from '@stashkit/core';
import { useFindIter } from '@stashkit/react';
import { ErrorMessage } from '../common/ErrorMessage';
import { SceneCard } from './SceneCard';
import { SCENE_CARD_FIELDS } from './sceneFields';

export interface SceneGridProps {
  filters: FiltersOf<'Scene'>;
  q?: string;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  batch?: number;
}

/** Matching scenes, a page at a time (`useFindIter`), with "load more". */
export function SceneGrid({ filters, q, selectedId = null, onSelect, batch = 24 }: SceneGridProps) {
  const { items, hasMore, loadMore, status, error, isFetching, loaded, total } = useFindIter(
    'Scene',
    filters,
    {
      fields: SCENE_CARD_FIELDS,
      q: q || undefined,
      sort: 'date',
      direction: 'DESC',
      batch,
    },
  );
  // A failed page is reported through `error`; the rejection carries nothing more.
  const onLoadMore = () => void loadMore().catch(() => undefined);
  if (status === 'error' && items.length === 0)
    return <ErrorMessage error={error!} title="Could not load scenes" />;
  return (
    <section className="sk-grid-section" aria-busy={isFetching}>
      <p className="sk-count" data-testid="scene-count">
        {total === undefined ? 'Loading scenes…' : `${loaded} of ${total} scenes`}
      </p>
      <div className="sk-grid">
        {items.map((scene) => (
          <SceneCard key={scene.id} scene={scene} selected={scene.id === selectedId} onSelect={onSelect} />
        ))}
      </div>
      {status === 'error' ? <ErrorMessage error={error!} title="Could not load more scenes" /> : null}
      {hasMore ? (
        <button type="button" className="sk-button" disabled={isFetching} onClick={onLoadMore}>
          {isFetching ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}
