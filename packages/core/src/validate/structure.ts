/**
 * Structure of user objects walked by the store (filters, draft values, ingested data): a cycle
 * or an absurd nesting depth is refused with a `StashValidationError` naming where it happens,
 * instead of a stack overflow (or a hang) somewhere deeper. Shared objects that are not cycles are fine.
 */
import { StashValidationError } from '../errors';

/** Object levels accepted below the root: far more than any filter or entity Stash takes. */
export const MAX_DEPTH = 32;

/** Throws when `value` holds a cycle or nests deeper than `maxDepth`; `where` names the call. */
export function checkStructure(value: unknown, where: string, maxDepth = MAX_DEPTH): void {
  if (value === null || typeof value !== 'object') return;
  const path: string[] = [];
  const ancestors = new Set<object>();
  const at = () => (path.length === 0 ? 'the root' : shortPath(path));
  const walk = (node: object): void => {
    if (ancestors.has(node)) throw new StashValidationError(`${where}: circular reference at ${at()}`);
    if (path.length > maxDepth) {
      throw new StashValidationError(
        `${where}: nested more than ${maxDepth} levels deep at ${at()}; is the object built by a loop?`,
      );
    }
    ancestors.add(node);
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [String(i), v])
      : Object.entries(node);
    for (const [key, child] of entries) {
      if (child === null || typeof child !== 'object') continue;
      path.push(key);
      walk(child);
      path.pop();
    }
    ancestors.delete(node);
  };
  walk(value);
}

// `AND.AND.0.title` shortened to its first and last levels when long.
function shortPath(path: readonly string[]): string {
  const shown = path.length <= 8 ? path : [...path.slice(0, 3), '...', ...path.slice(-3)];
  return `"${shown.join('.')}"`;
}
