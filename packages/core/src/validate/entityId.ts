/**
 * Entity ids as Stash takes them: the server parses every id with Go's `strconv.Atoi` (64-bit), so
 * a server id is a canonical decimal string (no sign, no leading zero, no spaces) that fits an
 * int64. The store also makes temporary ids (`tmp:<n>`) for drafts not yet created. Anything else
 * is refused before it reaches a request or a record.
 */
import { StashValidationError } from '../errors';
import { show } from './showValue';

export const TEMP_ID_PREFIX = 'tmp:';

const INT64_MAX = '9223372036854775807';
const TEMP_ID = /^tmp:[1-9][0-9]{0,15}$/;

/** True for ids made by `store.create` (never a server id: Stash ids are decimal). */
export function isTemporaryId(id: string): boolean {
  return id.startsWith(TEMP_ID_PREFIX);
}

/** A canonical decimal id that fits Stash's int (`0`, `12`, not `012`, `+1`, ` 1` or 20 digits). */
export function isServerId(id: unknown): id is string {
  if (typeof id !== 'string') return false;
  const n = id.length;
  if (n === 0 || n > 19) return false;
  const first = id.charCodeAt(0);
  if (first === 48 /* 0 */) return n === 1;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n < 19 || id <= INT64_MAX;
}

/** A server id or a temporary id. */
export function isEntityId(id: unknown): id is string {
  return isServerId(id) || (typeof id === 'string' && TEMP_ID.test(id));
}

function idProblem(id: unknown): string {
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return `ids are strings: write "${id}"`;
  if (typeof id !== 'string') return `an id must be a string, got ${show(id)}`;
  return `an id is a decimal string that fits Stash's int (or a temporary "tmp:<n>" id), got ${show(id)}`;
}

/** Checks an entity id (server or temporary); `where` names the module and the argument. */
export function checkEntityId(id: unknown, where: string): string {
  if (isEntityId(id)) return id;
  throw new StashValidationError(`${where}: ${idProblem(id)}`);
}

/** Checks an id that is sent to the server: temporary ids are refused too. */
export function checkServerId(id: unknown, where: string): string {
  if (isServerId(id)) return id;
  if (typeof id === 'string' && TEMP_ID.test(id)) {
    throw new StashValidationError(`${where}: ${id} is a temporary id of an unsaved draft; save it first`);
  }
  throw new StashValidationError(`${where}: ${idProblem(id)}`);
}
