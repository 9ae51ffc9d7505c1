import { TagPicker } from '../tags/TagPicker';
import type { SceneFilterState } from './sceneFilterState';

export interface SceneFiltersProps {
  value: SceneFilterState;
  onChange: (next: SceneFilterState) => void;
}

const RATINGS = [null, 20, 40, 60, 80, 100] as const;

/** Text search, minimum rating, organized flag and required tags for the scene list. */
export function SceneFilters({ value, onChange }: SceneFiltersProps) {
  const set = <K extends keyof SceneFilterState>(key: K, next: SceneFilterState[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <form className="sk-filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="sk-field">
        <span className="sk-label">Search</span>
        <input
          className="sk-input"
          type="search"
          name="q"
          placeholder="Title, details, path…"
          value={value.q}
          onChange={(event) => set('q', event.target.value)}
        />
      </label>
      <label className="sk-field">
        <span className="sk-label">Rating at least</span>
        <select
          className="sk-input"
          name="minRating"
          value={value.minRating ?? ''}
          onChange={(event) =>
            set('minRating', event.target.value === '' ? null : Number(event.target.value))
          }
        >
          {RATINGS.map((rating) => (
            <option key={rating ?? 'any'} value={rating ?? ''}>
              {rating === null ? 'any' : `${rating / 20} ★`}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="sk-field sk-toggle">
        <legend className="sk-label">Organized</legend>
        {([null, true, false] as const).map((choice) => (
          <label key={String(choice)}>
            <input
              type="radio"
              name="organized"
              checked={value.organized === choice}
              onChange={() => set('organized', choice)}
            />
            {choice === null ? 'any' : choice ? 'yes' : 'no'}
          </label>
        ))}
      </fieldset>
      <TagPicker label="With tags" value={value.tags} onChange={(tags) => set('tags', tags)} />
    </form>
  );
}
