import { useState } from 'react';
import { useFindPage } from '@stashkit/react';
import { ErrorMessage } from '../common/ErrorMessage';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { PerformerRow } from './PerformerRow';
import { PERFORMER_ROW_FIELDS } from './performerFields';

const PER_PAGE = 25;

/**
 * Performers matching a name search, optionally favorites only, in numbered pages as Stash's own
 * UI shows them (`useFindPage`: one request per page; the previous page stays, dimmed, while the
 * next loads).
 */
export function PerformersPage() {
  const [query, setQuery] = useState('');
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const [page, setPage] = useState(1);
  const name = useDebouncedValue(query.trim(), 250);
  const { data, status, error, isFetching, isPlaceholder } = useFindPage(
    'Performer',
    {
      ...(name !== '' && { name__contains: name }),
      ...(favoritesOnly && { filter_favorites: true }),
    },
    { page, perPage: PER_PAGE, fields: PERFORMER_ROW_FIELDS, sort: 'scenes_count', direction: 'DESC' },
  );
  const first = data === null || data.count === 0 ? 0 : (data.page - 1) * data.perPage + 1;
  const last = data === null ? 0 : first + data.items.length - 1;
  return (
    <section className="sk-performers" aria-busy={isFetching}>
      <form className="sk-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="sk-field">
          <span className="sk-label">Name contains</span>
          <input
            className="sk-input"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPage(1); // another filter starts at its first page
            }}
          />
        </label>
        <label className="sk-field sk-toggle">
          <input
            type="checkbox"
            checked={favoritesOnly}
            onChange={(event) => {
              setFavoritesOnly(event.target.checked);
              setPage(1);
            }}
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
            {data.count === 0 ? 'No performers' : `${first}–${last} of ${data.count} performers`}
          </p>
          <table className="sk-table" style={isPlaceholder ? { opacity: 0.6 } : undefined}>
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
              {data.items.map((performer) => (
                <PerformerRow key={performer.id} performer={performer} />
              ))}
            </tbody>
          </table>
          <nav className="sk-pager" aria-label="Performer pages">
            <button
              className="sk-button"
              type="button"
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>
            <span data-testid="performer-page">
              page {page} of {Math.max(data.pages, 1)}
            </span>
            <button
              className="sk-button"
              type="button"
              disabled={page >= data.pages}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
