/**
 * A draft: a mutable view over an entity snapshot that records edits field by field. Reading a
 * field gives the edit if there is one, else the base snapshot's value; assigning a writable
 * field validates the value and records it, unless it writes the same input as the base (then
 * the field is untouched again). Three exact states per field: untouched (not sent), `null`
 * (cleared), a value (sent, `[]` clears a list). Side mutations are queued operations.
 *
 * Drafts never touch the cache: the store's snapshots stay the server's truth, so a refetch can
 * never overwrite a local edit. A refetch while the draft is dirty moves its base forward and
 * records a conflict for each edited field the server changed (`conflicts`).
 */
import { StashValidationError } from '../errors';
import type { EntitySnapshot } from '../records/storeRecord';
import type { SchemaModel } from '../schema/modelTypes';
import type { SideOpSpec } from '../mutations/sideOps';
import { renameOrDidYouMean } from '../filter/suggest';
import { checkFieldValue, sameInput, type WritableFieldInfo } from './draftValues';

export const DRAFT_STATE: unique symbol = Symbol('stashkit.draft');

/** An edited field that the server changed underneath the draft. */
export interface DraftConflict {
  readonly field: string;
  /** Value in the base the edit was made against. */
  readonly base: unknown;
  /** Value the server has now. */
  readonly server: unknown;
  /** The draft's edit (kept). */
  readonly local: unknown;
}

/** A queued side mutation (`addO`, `setCover`...) with its checked parameters. */
export interface QueuedOperation {
  readonly method: string;
  readonly params: readonly unknown[];
  /** @internal */
  readonly spec: SideOpSpec;
}

/** What a draft needs from the store. */
export interface DraftHost {
  readonly model: SchemaModel;
  writable(typename: string): ReadonlyMap<string, WritableFieldInfo>;
  /** Called after every edit or queued operation (registers the draft, refreshes a pending record). */
  touched(draft: EntityDraft): void;
  /** The store's current snapshot (a clean draft rebases onto it before its first edit). */
  current(typename: string, id: string): EntitySnapshot | null;
}

export class DraftState {
  id: string;
  isNew: boolean;
  base: EntitySnapshot | null;
  readonly edits = new Map<string, unknown>();
  conflicts: DraftConflict[] = [];
  readonly ops: QueuedOperation[] = [];
  /** A pending record with the temporary id is in the cache (`store.add`). */
  added = false;

  constructor(
    readonly host: DraftHost,
    readonly typename: string,
    id: string,
    base: EntitySnapshot | null,
  ) {
    this.id = id;
    this.isNew = base === null;
    this.base = base;
  }

  get dirty(): boolean {
    return this.isNew || this.edits.size > 0 || this.ops.length > 0;
  }

  info(field: string): WritableFieldInfo | undefined {
    return this.host.writable(this.typename).get(field);
  }

  baseValue(field: string): unknown {
    return this.base === null ? undefined : (this.base as unknown as Record<string, unknown>)[field];
  }

  set(draft: EntityDraft, field: string, value: unknown): void {
    const info = this.info(field)!;
    if (value === undefined) {
      this.revert(draft, [field]);
      return;
    }
    const stored = checkFieldValue(this.host.model, info, value);
    this.#rebaseIfClean();
    const base = this.baseValue(field);
    // A field the base never received (undefined) cannot be "unchanged": the edit is kept.
    if (!this.isNew && base !== undefined && sameInput(this.host.model, info, stored, base)) {
      this.edits.delete(field);
    } else this.edits.set(field, stored);
    this.conflicts = this.conflicts.filter((c) => c.field !== field);
    this.host.touched(draft);
  }

  revert(draft: EntityDraft, fields: readonly string[]): void {
    const names = fields.length === 0 ? [...this.edits.keys()] : fields;
    for (const f of names) this.edits.delete(f);
    this.conflicts = this.conflicts.filter((c) => !names.includes(c.field));
    if (fields.length === 0) this.ops.length = 0;
    this.host.touched(draft);
  }

  queue(draft: EntityDraft, spec: SideOpSpec, args: readonly unknown[]): void {
    const params = spec.params(args);
    this.#rebaseIfClean();
    this.ops.push({ method: spec.method, params, spec });
    this.host.touched(draft);
  }

  /**
   * Moves the base to a newer server snapshot. Edits stay; an edit the server now agrees with is
   * dropped; an edit of a field the server changed is reported as a conflict.
   */
  rebase(next: EntitySnapshot): void {
    const prev = this.base;
    if (prev === next || this.isNew) return;
    this.base = next;
    if (prev === null) return;
    const model = this.host.model;
    for (const [field, local] of [...this.edits]) {
      const info = this.info(field)!;
      const server = (next as unknown as Record<string, unknown>)[field];
      if (server === undefined) continue;
      if (sameInput(model, info, local, server)) {
        this.edits.delete(field);
        this.conflicts = this.conflicts.filter((c) => c.field !== field);
        continue;
      }
      const before = (prev as unknown as Record<string, unknown>)[field];
      if (before === undefined) continue;
      if (sameInput(model, info, before, server)) continue;
      const earlier = this.conflicts.find((c) => c.field === field);
      this.conflicts = this.conflicts.filter((c) => c.field !== field);
      this.conflicts.push({ field, base: earlier?.base ?? before, server, local });
    }
  }

  /** After a confirmed create/update: the base is the returned snapshot; edits sent are done. */
  saved(snapshot: EntitySnapshot, sent: ReadonlyMap<string, unknown>): void {
    this.id = snapshot.id;
    this.isNew = false;
    this.base = snapshot;
    for (const [field, value] of sent) {
      // An edit made while the request was in flight is newer: keep it.
      if (this.edits.get(field) === value) this.edits.delete(field);
      this.conflicts = this.conflicts.filter((c) => c.field !== field);
    }
  }

  // A clean draft may hold an old base: take the store's current snapshot before editing.
  #rebaseIfClean(): void {
    if (this.isNew || this.edits.size > 0 || this.ops.length > 0) return;
    const current = this.host.current(this.typename, this.id);
    if (current !== null) {
      this.base = current;
      this.conflicts = [];
    }
  }
}

/** Base of every draft; per-type prototypes add the entity's fields and operations. */
export class EntityDraft {
  declare readonly [DRAFT_STATE]: DraftState;

  get __typename(): string {
    return this[DRAFT_STATE].typename;
  }

  /** The server id, or a temporary id (`tmp:1`) until a create succeeds. */
  get id(): string {
    return this[DRAFT_STATE].id;
  }

  /** Not yet created on the server. */
  get isNew(): boolean {
    return this[DRAFT_STATE].isNew;
  }

  /** New, or has edits or queued operations. */
  get isDirty(): boolean {
    return this[DRAFT_STATE].dirty;
  }

  /** The snapshot edits are tracked against (`null` for a new draft). */
  get base(): EntitySnapshot | null {
    return this[DRAFT_STATE].base;
  }

  /** Edited fields the server changed since they were edited. */
  get conflicts(): readonly DraftConflict[] {
    return this[DRAFT_STATE].conflicts;
  }

  /** Queued side mutations, in the order they will be sent. */
  get pendingOperations(): readonly QueuedOperation[] {
    return this[DRAFT_STATE].ops;
  }

  /** The edited fields and their values. */
  changes(): Record<string, unknown> {
    return Object.fromEntries(this[DRAFT_STATE].edits);
  }

  changedFields(): string[] {
    return [...this[DRAFT_STATE].edits.keys()];
  }

  /** Drops the edits of `fields` (all edits and queued operations when none are given). */
  revert(...fields: string[]): this {
    this[DRAFT_STATE].revert(this, fields);
    return this;
  }

  /** Forgets the recorded conflicts (the edits stay). */
  clearConflicts(): this {
    this[DRAFT_STATE].conflicts = [];
    return this;
  }

  toJSON(): Record<string, unknown> {
    const s = this[DRAFT_STATE];
    return { __typename: s.typename, id: s.id, isNew: s.isNew, changes: this.changes() };
  }
}

const prototypes = new WeakMap<DraftHost, Map<string, object>>();

/** Builds a draft object for `typename` (a new draft when `base` is null). */
export function makeDraft(
  host: DraftHost,
  typename: string,
  id: string,
  base: EntitySnapshot | null,
  ops: ReadonlyMap<string, SideOpSpec>,
): EntityDraft {
  let byType = prototypes.get(host);
  if (byType === undefined) prototypes.set(host, (byType = new Map()));
  let proto = byType.get(typename);
  if (proto === undefined) {
    proto = draftPrototype(host, typename, ops);
    byType.set(typename, proto);
  }
  const draft = Object.create(proto) as EntityDraft;
  Object.defineProperty(draft, DRAFT_STATE, { value: new DraftState(host, typename, id, base) });
  return draft;
}

/**
 * The prototype's own prototype: assigning a name the draft does not define (`draft.nope = 1`,
 * `draft.titel = 'x'`) reaches this proxy's `set` and throws, instead of keeping a silent own property.
 */
function unknownFieldGuard(typename: string, known: readonly string[]): object {
  return new Proxy(Object.create(EntityDraft.prototype) as object, {
    set(target, key, value, receiver) {
      if (typeof key === 'symbol') return Reflect.set(target, key, value, receiver);
      if (key in target)
        throw new StashValidationError(`StashDraft: ${typename} draft's ${key} is read-only`);
      throw new StashValidationError(
        `StashDraft: ${typename} has no field "${key}"${renameOrDidYouMean(key, '', known)}; nothing was changed`,
      );
    },
  });
}

function draftPrototype(host: DraftHost, typename: string, ops: ReadonlyMap<string, SideOpSpec>): object {
  const fields = host.model.objects[typename]?.fields ?? {};
  const proto = Object.create(unknownFieldGuard(typename, Object.keys(fields))) as object;
  const writable = host.writable(typename);
  const props: PropertyDescriptorMap = {};
  for (const name of Object.keys(fields)) {
    if (name === 'id' || name === '__typename') continue;
    if (writable.has(name)) {
      props[name] = {
        enumerable: true,
        get(this: EntityDraft) {
          const s = this[DRAFT_STATE];
          return s.edits.has(name) ? s.edits.get(name) : s.baseValue(name);
        },
        set(this: EntityDraft, value: unknown) {
          this[DRAFT_STATE].set(this, name, value);
        },
      };
    } else {
      const hint = [...ops.values()].map((o) => o.method + '()').join(', ');
      props[name] = {
        enumerable: true,
        get(this: EntityDraft) {
          return this[DRAFT_STATE].baseValue(name);
        },
        set() {
          throw new StashValidationError(
            `StashDraft: ${typename}.${name} is not writable${hint !== '' ? ` (operations: ${hint})` : ''}`,
          );
        },
      };
    }
  }
  for (const [method, spec] of ops) {
    props[method] = {
      value(this: EntityDraft, ...args: unknown[]) {
        this[DRAFT_STATE].queue(this, spec, args);
        return this;
      },
    };
  }
  Object.defineProperties(proto, props);
  return proto;
}

export function isDraft(value: unknown): value is EntityDraft {
  return value instanceof EntityDraft;
}

export function draftState(draft: EntityDraft): DraftState {
  const s = (draft as { [DRAFT_STATE]?: DraftState })[DRAFT_STATE];
  if (s === undefined) throw new StashValidationError('StashDraft: not a draft');
  return s;
}
