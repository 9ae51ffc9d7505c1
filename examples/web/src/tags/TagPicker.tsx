import { useState } from 'react';
import { useFindIter } from '@stashkit/react';
import type { TagChoice } from '../scenes/sceneFilterState';

export interface TagPickerProps {
  label: string;
  value: readonly TagChoice[];
  onChange: (tags: TagChoice[]) => void;
  /** How many suggestions to show (the first page of the search). */
  suggestions?: number;
}

const TAG_FIELDS = ['name', 'scene_count'] as const;

/**
 * Chosen tags as removable chips plus a search box; suggestions are the most used matching tags.
 * Paging (`useFindIter`) keeps a large library under the store's 1000-row `find` limit.
 */
export function TagPicker({ label, value, onChange, suggestions = 8 }: TagPickerProps) {
  const [query, setQuery] = useState('');
  const { items, status, error } = useFindIter('Tag', undefined, {
    fields: TAG_FIELDS,
    q: query.trim() || undefined,
    sort: 'scenes_count',
    direction: 'DESC',
    batch: suggestions,
  });
  const chosen = new Set(value.map((tag) => tag.id));
  const offered = items.filter((tag) => !chosen.has(tag.id));
  return (
    <div className="sk-tag-picker" data-testid="tag-picker">
      <span className="sk-label">{label}</span>
      <div className="sk-chips">
        {value.map((tag) => (
          <button
            key={tag.id}
            type="button"
            className="sk-chip sk-chip--on"
            title="Remove"
            onClick={() => onChange(value.filter((other) => other.id !== tag.id))}
          >
            {tag.name} ×
          </button>
        ))}
      </div>
      <input
        className="sk-input"
        type="search"
        placeholder="Find a tag…"
        aria-label={`${label}: search`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="sk-chips">
        {status === 'error' ? <span className="sk-muted">{error!.message}</span> : null}
        {offered.map((tag) => (
          <button
            key={tag.id}
            type="button"
            className="sk-chip"
            onClick={() => onChange([...value, { id: tag.id, name: tag.name }])}
          >
            {tag.name} <span className="sk-muted">{tag.scene_count}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
