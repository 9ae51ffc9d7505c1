import { formatDuration, formatRating } from '../common/formatters';
import type { SceneCardData } from './sceneTypes';

export interface SceneCardProps {
  scene: SceneCardData;
  selected?: boolean;
  onSelect?: (id: string) => void;
}

/** One scene in the grid: a placeholder thumbnail (the mock serves no images) and the card fields. */
export function SceneCard({ scene, selected = false, onSelect }: SceneCardProps) {
  const duration = scene.files[0]?.duration;
  // A hue from the id keeps thumbnails distinguishable without fetching screenshots.
  const hue = (Number(scene.id) * 47) % 360;
  return (
    <button
      type="button"
      className={`sk-card${selected ? ' sk-card--selected' : ''}`}
      data-testid="scene-card"
      data-scene-id={scene.id}
      aria-pressed={selected}
      onClick={() => onSelect?.(scene.id)}
    >
      <span className="sk-card__thumb" style={{ background: `hsl(${hue} 45% 35%)` }}>
        <span className="sk-card__duration">{formatDuration(duration)}</span>
        {scene.organized ? <span className="sk-card__organized">organized</span> : null}
      </span>
      <span className="sk-card__title">{scene.title || `Scene ${scene.id}`}</span>
      <span className="sk-card__meta">
        <span>{scene.studio?.name ?? 'no studio'}</span>
        <span>{scene.date ?? ''}</span>
        <span>{formatRating(scene.rating100)}</span>
      </span>
    </button>
  );
}
