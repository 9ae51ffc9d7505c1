import { useState } from 'react';
import { useFind } from '@stashkit/react';
import { ErrorMessage } from '../common/ErrorMessage';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { PerformerRow } from './PerformerRow';
import { PERFORMER_ROW_FIELDS } from './performerFields';

/** Performers matching a name search, optionally favorites only (`useFind`: one request, up to 1000 rows). */
export function PerformersPage() {
  const [query, setQuery] = useState('');
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const name = useDebouncedValue(query.trim(), 250);
  const { data, status, error, isFetching } = useFind(
    'Performer',
    {
      ...(name !== '' && { name__contains: name }),
      ...(favoritesOnly && { filter_favorites: true }),
    },
    { fields: PERFORMER_ROW_FIELDS, sort: 'scenes_count', direction: 'DESC' },
  );
  return (
    <section className="sk-performers" aria-busy={isFetching}>
      <form className="sk-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="sk-field">
          <span className="sk-label">Name contains</span>
          <input
            className="sk-input"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <label className="sk-field sk-toggle">
          <input
            type="checkbox"
            checked={favoritesOnly}
            onChange={(event) => setFavoritesOnly(event.target.checked)}
          />
          favorites only
        </label>
      </form>
      {status === 'error' ? <ErrorMessage error={error!} title="Could not load performers" /> : null}
      {data === null ? (
        <p className="sk-muted">Loading performers…</p>
      ) : (
        <>
          <p className="sk-count" data-testid="performer-count">
            {data.length} performers
          </p>
          <table className="sk-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Gender</th>
                <th>Country</th>
                <th>Born</th>
                <th>Scenes</th>
                <th>Rating</th>
              </tr>
            </thead>
            <tbody>
              {data.map((performer) => (
                <PerformerRow key={performer.id} performer={performer} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
