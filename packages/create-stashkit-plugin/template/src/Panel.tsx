import { useFindIter } from '@stashkit/react';

/** The newest scenes, ten at a time. Hooks run on Stash's React 17 (the build maps `react` to it). */
export function Panel() {
  const scenes = useFindIter(
    'Scene',
    {},
    { fields: ['title', 'date', 'rating100'], sort: 'date', direction: 'DESC', batch: 10 },
  );
  if (scenes.status === 'error') return <p className="__PLUGIN_ID__-error">{scenes.error?.message}</p>;
  return (
    <section className="__PLUGIN_ID__-panel" data-testid="__PLUGIN_ID__-panel">
      <h2>Recent scenes {scenes.total === undefined ? '' : `(${scenes.total})`}</h2>
      <ul>
        {scenes.items.map((scene) => (
          <li key={scene.id} data-testid="scene-title">
            {scene.title || `Scene ${scene.id}`}
            {scene.date ? <small> {scene.date}</small> : null}
          </li>
        ))}
      </ul>
      {scenes.hasMore ? (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={scenes.isFetching}
          onClick={() => void scenes.loadMore()}
        >
          Load more
        </button>
      ) : null}
    </section>
  );
}
