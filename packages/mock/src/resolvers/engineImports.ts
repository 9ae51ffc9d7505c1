// TEMPORARY fallback until packages/mock/src/filter/filterRows.ts and sort/applyFindFilter.ts land:
// no entity filtering, id order, Stash's pagination rules. Replace with re-exports of the real engine.
import type { MockDbReader } from '../db/rows';
import { MockStashError } from '../errors';

export function filterRows<R>(
  _entity: string,
  rows: R[],
  entityFilter: object | null | undefined,
  _db: MockDbReader,
): R[] {
  if (entityFilter && Object.keys(entityFilter).length > 0)
    throw new MockStashError('MockStash: filters are not available yet');
  return rows;
}

export function applyFindFilter<R>(
  _entity: string,
  rows: R[],
  findFilter:
    | {
        q?: string | null;
        page?: number | null;
        per_page?: number | null;
        sort?: string | null;
        direction?: string | null;
      }
    | null
    | undefined,
  _db: MockDbReader,
): { items: R[]; count: number } {
  const perPage = findFilter?.per_page ?? 25;
  const page = Math.max(1, findFilter?.page ?? 1);
  const items = perPage < 0 ? rows : rows.slice((page - 1) * perPage, page * perPage);
  return { items, count: rows.length };
}
