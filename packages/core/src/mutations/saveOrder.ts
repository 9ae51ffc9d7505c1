/**
 * Save ordering: the unsaved new drafts a draft references (at any depth: a Scene draft ->
 * a new Tag -> its new parent Tag) must be created first. Builds the dependency graph from draft
 * references, rejects cycles with the path, and groups drafts into levels: a draft's level is one
 * more than its deepest dependency's, so each level can be sent as one request.
 */
import { StashValidationError } from '../errors';
import { forEachRef } from '../drafts/draftValues';
import { draftState, type EntityDraft } from '../drafts/entityDraft';
import type { DraftRegistry } from '../drafts/draftRegistry';

export interface SavePlan {
  /** Drafts to save by level (level 0 first); every dependency is in an earlier level. */
  readonly levels: readonly (readonly EntityDraft[])[];
  /** New drafts each draft needs created first. */
  readonly deps: ReadonlyMap<EntityDraft, ReadonlySet<EntityDraft>>;
}

export function planSave(registry: DraftRegistry, targets: readonly EntityDraft[]): SavePlan {
  const deps = new Map<EntityDraft, Set<EntityDraft>>();
  const stack: EntityDraft[] = [];

  const visit = (draft: EntityDraft): void => {
    if (deps.has(draft)) return;
    const at = stack.indexOf(draft);
    if (at >= 0) {
      const path = [...stack.slice(at), draft].map(label).join(' -> ');
      throw new StashValidationError(`StashEntityStore: new drafts reference each other in a cycle: ${path}`);
    }
    stack.push(draft);
    const s = draftState(draft);
    const mine = new Set<EntityDraft>();
    for (const [field, value] of s.edits) {
      const info = s.info(field)!;
      forEachRef(registry.model, info, value, (ref) => {
        const dep = registry.pendingCreate(ref, info.fieldType);
        if (dep === undefined) return;
        if (dep === draft) {
          throw new StashValidationError(
            `StashEntityStore: ${label(draft)}.${field} references the draft itself`,
          );
        }
        visit(dep);
        mine.add(dep);
      });
    }
    stack.pop();
    deps.set(draft, mine);
  };
  for (const t of targets) if (draftState(t).dirty) visit(t);

  const levelOf = new Map<EntityDraft, number>();
  const level = (d: EntityDraft): number => {
    let l = levelOf.get(d);
    if (l === undefined) {
      l = 0;
      for (const dep of deps.get(d)!) l = Math.max(l, level(dep) + 1);
      levelOf.set(d, l);
    }
    return l;
  };
  const levels: EntityDraft[][] = [];
  for (const d of deps.keys()) (levels[level(d)] ??= []).push(d);
  return { levels: levels.filter((l) => l !== undefined), deps };
}

export function label(draft: EntityDraft): string {
  return `${draft.__typename} ${draft.id}`;
}
