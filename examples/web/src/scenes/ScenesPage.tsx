import { useState } from 'react';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { SceneDetail } from './SceneDetail';
import { SceneFilters } from './SceneFilters';
import { SceneGrid } from './SceneGrid';
import { EMPTY_SCENE_FILTER, toSceneFilters, type SceneFilterState } from './sceneFilterState';

/** Filters, the scene grid and the detail panel of the selected scene. */
export function ScenesPage({ initialFilter = EMPTY_SCENE_FILTER }: { initialFilter?: SceneFilterState }) {
  const [filter, setFilter] = useState(initialFilter);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const q = useDebouncedValue(filter.q.trim(), 250);
  return (
    <div className="sk-scenes">
      <SceneFilters value={filter} onChange={setFilter} />
      <div className="sk-scenes__body">
        <SceneGrid filters={toSceneFilters(filter)} q={q} selectedId={selectedId} onSelect={setSelectedId} />
        {selectedId !== null ? <SceneDetail id={selectedId} onClose={() => setSelectedId(null)} /> : null}
      </div>
    </div>
  );
}
