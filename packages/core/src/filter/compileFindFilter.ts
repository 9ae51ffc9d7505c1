/**
 * `compileFindFilter(opts, type?)`: search text, sort and paging → Stash's `FindFilterType`. These
 * options are separate from the entity filter (the reference leaked them into it).
 */
import type { FindFilterType, SortDirectionEnum } from '../schema/generated/types';
import { RANDOM_SEED_SORT, SORT_KEYS } from './sortKeys';
import { didYouMean } from './suggest';
import { own } from '../validate/ownKey';
import { expectInteger, expectString, expected, filterError, isPlainObject } from './values';

export interface FindFilterOptions {
  /** Free-text search (Stash: words ANDed, `"a phrase"`, `-word`, `a OR b`). */
  q?: string;
  /** A sort key from the entity's allow-list (`title`, `rating`, `random_<seed>`...). */
  sort?: string;
  /** `ASC` (Stash's default) or `DESC`; lower case is accepted. */
  direction?: SortDirectionEnum | 'asc' | 'desc';
  /** 1-based page. */
  page?: number;
  /** Page size; `-1` returns everything. Stash's default is 25. */
  perPage?: number;
}

const OPTION_KEYS = ['q', 'sort', 'direction', 'page', 'perPage'];

/**
 * Validates and converts find options. With `type`, `sort` is checked against Stash's allow-list
 * for that entity (`SORT_KEYS`).
 *
 * @throws StashValidationError for an unknown option, sort key or direction, or a bad page size.
 */
export function compileFindFilter(opts: FindFilterOptions = {}, type?: string): FindFilterType {
  if (!isPlainObject(opts)) throw expected('find options', 'an object', opts);
  for (const key of Object.keys(opts)) {
    if (!OPTION_KEYS.includes(key)) {
      throw filterError(
        `unknown find option "${key}" (accepted: ${OPTION_KEYS.join(', ')})${didYouMean(key, OPTION_KEYS)}`,
      );
    }
  }
  const out: FindFilterType = {};
  if (opts.q !== undefined) out.q = expectString('q', opts.q);
  if (opts.sort !== undefined) {
    const sort = expectString('sort', opts.sort);
    const allowed = type === undefined ? undefined : own(SORT_KEYS, type);
    if (sort === '' || (allowed && !allowed.includes(sort) && !RANDOM_SEED_SORT.test(sort))) {
      const list = allowed ? `; ${type} sorts by: ${allowed.join(', ')}, random_<seed>` : '';
      throw filterError(
        `invalid sort "${sort}"${type ? ` for ${type}` : ''}${didYouMean(sort, allowed ?? [])}${list}`,
      );
    }
    out.sort = sort;
  }
  if (opts.direction !== undefined) {
    const direction = typeof opts.direction === 'string' ? opts.direction.toUpperCase() : opts.direction;
    if (direction !== 'ASC' && direction !== 'DESC')
      throw expected('direction', '"ASC" or "DESC"', opts.direction);
    out.direction = direction;
  }
  if (opts.page !== undefined) {
    const page = expectInteger('page', opts.page);
    if (page < 1) throw expected('page', 'an integer >= 1', opts.page);
    out.page = page;
  }
  if (opts.perPage !== undefined) {
    const perPage = expectInteger('perPage', opts.perPage);
    if (perPage < 1 && perPage !== -1)
      throw expected('perPage', 'an integer >= 1, or -1 for everything', opts.perPage);
    out.per_page = perPage;
  }
  return out;
}
