/**
 * The store's write API, behind the facade: drafts (`edit`, `create`, `add`, `discard`), saves
 * (`save`, `saveBatch`, `saveAll` through `SaveRunner`), `delete` with tombstones, `getOrCreate`,
 * bumping list epochs and emitting commit notices (both owned by the store facade, which reads never
 * leave out; tombstone checks and `invalidateRule` are the facade's too).
 */
import { graphQLFailure } from '../batch/requestPipeline';
import { StashError, StashNotFoundError, StashValidationError } from '../errors';
import { isTemporaryId, DraftRegistry } from '../drafts/draftRegistry';
import { describe } from '../drafts/draftValues';
import { draftState, isDraft, type EntityDraft } from '../drafts/entityDraft';
import { RecordState, type EntitySnapshot } from '../records/storeRecord';
import { recordKey } from '../shared/keys';
import { applyRule, markLinksStale, tombstone } from './cacheEffects';
import { invalidationRule } from './invalidationRules';
import type { ListEpochs } from './listEpochs';
import { buildMutation } from './mutationDocument';
import { mayHaveRun, SaveRunner } from './saveRunner';
import type { StoreCommits, StoreCommit } from './storeCommits';
import { markInvalidated } from '../records/recordMarks';
import type { WriteOptions } from '../store/storeTypes';
import type { WriteHost } from './writeHost';
import { writeModel } from '../schema/writeModel';
import { checkEntityId } from '../validate/entityId';
import { own } from '../validate/ownKey';
import { isPlainObject } from '../validate/plainObject';
import { show } from '../validate/showValue';

export interface SaveOutcome {
  readonly draft: EntityDraft;
  readonly ok: boolean;
  readonly entity?: EntitySnapshot;
  readonly error?: Error;
}

export interface GetOrCreateOptions {
  /** Create (and save) the entity when nothing matches (default `true`). */
  createIfMissing?: boolean;
  /** More writable fields for the create (the search keys are always included). */
  values?: Record<string, unknown>;
}

export class StoreWrites {
  readonly registry: DraftRegistry;
  readonly lists: ListEpochs;
  readonly commits: StoreCommits;
  readonly #host: WriteHost;
  readonly #runner: SaveRunner;

  constructor(host: WriteHost) {
    writeModel(host.model); // the model's mutations and write mappings: only writes load them
    this.#host = host;
    this.lists = host.lists;
    this.commits = host.commits;
    this.registry = new DraftRegistry(host);
    this.#runner = new SaveRunner(host, this.registry, this.lists, this.commits);
  }

  edit(entity: EntitySnapshot | EntityDraft): EntityDraft {
    return this.registry.edit(entity);
  }

  create(typename: string, data?: Record<string, unknown>): EntityDraft {
    return this.registry.create(typename, data);
  }

  add(draft: EntityDraft): EntityDraft {
    if (!isDraft(draft))
      throw new StashValidationError(
        'StashEntityStore: add() takes a draft (from store.create() or store.edit())',
      );
    return this.registry.add(draft);
  }

  discard(draft: EntityDraft): void {
    this.registry.discard(requireDraft(draft, 'discard'));
  }

  /** Creates or updates the draft (new drafts it references first); returns the saved snapshot. */
  async save(draft: EntityDraft, options?: WriteOptions): Promise<EntitySnapshot> {
    requireDraft(draft, 'save');
    const outcomes = await this.#runner.run([draft], options?.signal);
    const error = outcomes.get(draft);
    if (error) throw error;
    return this.#current(draft);
  }

  /** Saves dirty drafts with aliased mutations per dependency level; one result per draft, in order. */
  async saveBatch(drafts: readonly EntityDraft[], options?: WriteOptions): Promise<SaveOutcome[]> {
    if (!Array.isArray(drafts))
      throw new StashValidationError('StashEntityStore: saveBatch() takes an array of drafts');
    drafts.forEach((d) => requireDraft(d, 'saveBatch'));
    const outcomes = await this.#runner.run(drafts, options?.signal);
    return drafts.map((draft) => {
      const error = outcomes.get(draft);
      return error ? { draft, ok: false, error } : { draft, ok: true, entity: this.#current(draft) };
    });
  }

  /** Saves every dirty draft the store tracks (edited drafts and created ones). */
  saveAll(options?: WriteOptions): Promise<SaveOutcome[]> {
    return this.saveBatch(this.registry.dirty(), options);
  }

  /**
   * Destroys an entity with its type's destroy mutation (`extra` merges into the destroy input:
   * `delete_file`, `delete_generated`), then tombstones it: `isDeleted` is true, reads see null.
   */
  async delete(
    entity: EntitySnapshot | EntityDraft,
    extra?: Record<string, unknown>,
    options?: WriteOptions,
  ): Promise<void> {
    if (
      entity === null ||
      typeof entity !== 'object' ||
      typeof entity.__typename !== 'string' ||
      typeof entity.id !== 'string'
    ) {
      throw new StashValidationError(
        `StashEntityStore: delete() needs an entity snapshot or draft, got ${show(entity)}`,
      );
    }
    checkEntityId(entity.id, `StashEntityStore: delete() of a ${entity.__typename}`);
    if (extra !== undefined && !isPlainObject(extra))
      throw new StashValidationError(
        `StashEntityStore: delete() options must be an object, got ${show(extra)}`,
      );
    const type = this.#host.table.entity(entity.__typename);
    const id = this.registry.resolveCurrent(type.name, entity.id);
    if (isTemporaryId(id))
      throw new StashValidationError(
        `StashEntityStore: ${type.name} ${id} was never created; discard its draft instead`,
      );
    const destroy = type.entityModel?.destroy;
    if (destroy === undefined)
      throw new StashValidationError(`StashEntityStore: ${type.name} cannot be deleted`);
    const input = this.#destroyArg(type.name, id, destroy.arg, extra);
    const built = buildMutation(`Delete${type.name}`, [
      { field: destroy.field, args: [{ name: destroy.arg, type: destroy.argType, value: input }] },
    ]);
    const lists = new Set<string>();
    let sent = false;
    const commit = (uncertain: boolean): StoreCommit => ({
      kind: 'delete',
      typename: type.name,
      id,
      mutation: destroy.field,
      fields: null,
      rule: invalidationRule(type.name),
      uncertain,
    });
    // The destroy may have run: the record (and what the rule covers) goes stale, as of now (see below).
    const unsure = () => {
      if (!sent) return;
      this.#host.write((ctx) => {
        const record = this.#host.source.get(type.name, id);
        if (record !== undefined) {
          markInvalidated(record, ctx);
          markLinksStale(this.#host, ctx, record);
        } else ctx.sequence.pending(ctx.seq, (marks) => marks.gone(ctx.seq, type.name, id));
        applyRule(this.#host, ctx, invalidationRule(type.name), new Set(), lists);
      });
      this.lists.bump(lists);
      this.commits.emit([commit(true)]);
    };
    let result;
    try {
      const answer = await this.#host.pipeline.send(built.query, built.variables, {
        signal: options?.signal,
        idempotent: false,
        mutation: true,
        sent: () => (sent = true),
      });
      // A destroy's answer writes no fields (its tombstone is a whole-record mark).
      answer.done();
      result = answer.result;
    } catch (error) {
      if (mayHaveRun(error)) unsure();
      throw error;
    }
    if (result.errors !== undefined && result.errors.length > 0) {
      if (result.errors.some((e) => e.path !== undefined)) unsure();
      throw graphQLFailure(`${destroy.field} ${type.name} ${id}`, result.errors);
    }
    const value = result.data?.[built.aliases[0]];
    if (value !== true) {
      if (value !== false) unsure();
      throw new StashError(
        value === false
          ? `StashEntityStore: ${destroy.field} ${type.name} ${id} returned false`
          : `StashEntityStore: malformed answer: ${destroy.field} ${type.name} ${id} returned ${JSON.stringify(value)}`,
      );
    }
    // As of the answer, not the send: a read sent meanwhile may have run first, and a deleted id never comes back.
    this.#host.write((ctx) => {
      const record = tombstone(this.#host, ctx, type.name, id);
      applyRule(this.#host, ctx, invalidationRule(type.name), new Set([record]), lists);
    });
    if (isDraft(entity)) this.registry.untrack(entity);
    else {
      const draft = this.registry
        .dirty()
        .find((d) => recordKey(d.__typename, d.id) === recordKey(type.name, id));
      if (draft !== undefined) this.registry.untrack(draft);
    }
    this.lists.bump(lists);
    this.commits.emit([commit(false)]);
  }

  /**
   * The first entity matching `search` (plain field equality through the filter DSL), else a new
   * one created on the server from `search` (+ `values`). A failed search rejects with its error
   * (never a duplicate); no match with `createIfMissing: false` rejects with `StashNotFoundError`.
   */
  async getOrCreate(
    typename: string,
    search: Record<string, unknown>,
    options: GetOrCreateOptions = {},
  ): Promise<EntitySnapshot> {
    if (
      search === null ||
      typeof search !== 'object' ||
      Array.isArray(search) ||
      Object.keys(search).length === 0
    ) {
      throw new StashValidationError('StashEntityStore: getOrCreate() needs a non-empty search object');
    }
    const createIfMissing = options.createIfMissing ?? true;
    // Checked before the search, so bad input never reaches the server.
    const draft = createIfMissing
      ? this.registry.create(typename, { ...options.values, ...search })
      : undefined;
    let found: EntitySnapshot | null;
    try {
      found = await this.#host.findOne(typename, search);
    } catch (error) {
      if (draft !== undefined) this.registry.discard(draft);
      throw error;
    }
    if (found !== null) {
      if (draft !== undefined) this.registry.discard(draft);
      return found;
    }
    if (draft === undefined)
      throw new StashNotFoundError(`StashEntityStore: no ${typename} matches ${JSON.stringify(search)}`);
    return this.save(draft);
  }

  #current(draft: EntityDraft): EntitySnapshot {
    const s = draftState(draft);
    const record = this.#host.source.get(s.typename, s.id);
    return record !== undefined && record.state !== RecordState.Deleted
      ? record.snap
      : (s.base ?? (draft as unknown as EntitySnapshot));
  }

  #destroyArg(
    typename: string,
    id: string,
    arg: string,
    extra: Record<string, unknown> | undefined,
  ): unknown {
    const destroyInput = this.#host.table.entity(typename).entityModel?.destroyInput;
    const extras = Object.entries(extra ?? {});
    if (arg !== 'input' || destroyInput === undefined) {
      if (extras.length > 0)
        throw new StashValidationError(`StashEntityStore: deleting a ${typename} takes no options`);
      return arg === 'ids' ? [id] : id;
    }
    const fields = this.#host.model.inputs[destroyInput].fields;
    const input: Record<string, unknown> = 'ids' in fields ? { ids: [id] } : { id };
    for (const [key, value] of extras) {
      const field = own(fields, key);
      if (field === undefined || key === 'id' || key === 'ids') {
        const allowed = Object.keys(fields).filter((k) => k !== 'id' && k !== 'ids');
        throw new StashValidationError(
          `StashEntityStore: ${destroyInput} has no option "${key}"${allowed.length > 0 ? `; options: ${allowed.join(', ')}` : ''}`,
        );
      }
      if (field.type === 'Boolean' && typeof value !== 'boolean')
        throw new StashValidationError(
          `StashEntityStore: ${destroyInput}.${key} must be a boolean, got ${describe(value)}`,
        );
      input[key] = value;
    }
    return input;
  }
}

function requireDraft(draft: EntityDraft, method: string): EntityDraft {
  if (!isDraft(draft)) throw new StashValidationError(`StashEntityStore: ${method}() takes a draft`);
  return draft;
}
