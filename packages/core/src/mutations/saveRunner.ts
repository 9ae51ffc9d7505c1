/**
 * Sends drafts. One engine for `save`, `saveBatch` and `saveAll`:
 * 1. plan (dependency levels, cycles) and validate every draft before any request;
 * 2. per level, one request with aliased create/update mutations (creates first), each input one
 *    variable holding only the edited keys;
 * 3. then the queued side mutations: one request per round, round k sending each draft's k-th
 *    operation (a draft's operations run in order and stop at its first failure);
 * 4. each confirmed result is applied in one write batch: the returned entity normalized, the
 *    temporary id swapped for the server id (pending record rekeyed, alias kept), invalidation
 *    rules applied; then list epochs are bumped.
 *
 * Failure semantics: a failed mutation changes nothing in the cache, and its draft keeps its
 * edits (and queued operations) and stays dirty. Drafts that depended on a failed create are not
 * sent. Mutations confirmed before a failure are real server changes and stay applied: a new Tag
 * created for a Scene whose update then failed is a saved draft with its server id, and the Scene
 * draft, still dirty, now references it by that id. A side operation is dropped from the queue
 * only once confirmed, so saving again never repeats one.
 */
import type { SelectionSetNode } from '../query/printDocument';
import {
  StashAbortError,
  StashError,
  StashGraphQLError,
  StashNetworkError,
  StashValidationError,
} from '../errors';
import { graphQLFailure, routeErrors } from '../batch/requestPipeline';
import { markInvalidated } from '../records/recordMarks';
import { toInputValue } from '../drafts/draftValues';
import { draftState, type EntityDraft, type QueuedOperation } from '../drafts/entityDraft';
import type { DraftRegistry } from '../drafts/draftRegistry';
import type { WriteContext } from '../normalize/normalizer';
import { cloneTree, type FieldTree } from '../query/fieldTree';
import { fieldKey, parseFieldKey } from '../shared/keys';
import { rekeyRecord } from '../store/recordWrites';
import type { StoreRecord } from '../records/storeRecord';
import { applyRule, markStale, patchRecord } from './cacheEffects';
import { invalidationRule } from './invalidationRules';
import type { ListEpochs } from './listEpochs';
import { buildMutation, plainSelection, type MutationCall } from './mutationDocument';
import { label, planSave } from './saveOrder';
import type { StoreCommit, StoreCommits } from './storeCommits';
import type { WriteHost } from './writeHost';

/** Per draft: `null` when saved (or nothing to do), else why not. */
export type SaveOutcomes = Map<EntityDraft, Error | null>;

interface Pending {
  readonly draft: EntityDraft;
  readonly call: MutationCall;
  /** Applies the confirmed result inside the write batch. */
  readonly apply: (ctx: WriteContext, data: unknown, lists: Set<string>) => void;
  /**
   * After `apply`, as of the answer's arrival: marks stale what a request overlapping this one wrote or
   * may write, and applies its invalidation rule (a read sent meanwhile may have run before it).
   */
  readonly overlap?: (now: WriteContext, seq: number, lists: Set<string>) => void;
  /** The mutation failed after it was sent and may have run: marks what it may have changed stale. */
  readonly unsure: (ctx: WriteContext, lists: Set<string>) => void;
  /** Its commit notice, after `apply` (`uncertain`: after `unsure`). */
  readonly commit: (uncertain: boolean) => StoreCommit;
}

/** A failure after sending that does not prove the mutation did not run (network, 5xx, abort). */
export function mayHaveRun(error: unknown): boolean {
  if (error instanceof StashAbortError) return true;
  if (error instanceof StashNetworkError) return error.status === undefined || error.status >= 500;
  return false;
}

export class SaveRunner {
  readonly #host: WriteHost;
  readonly #registry: DraftRegistry;
  readonly #lists: ListEpochs;
  readonly #commits: StoreCommits;
  readonly #inflight = new Map<EntityDraft, Promise<unknown>>();

  constructor(host: WriteHost, registry: DraftRegistry, lists: ListEpochs, commits: StoreCommits) {
    this.#host = host;
    this.#registry = registry;
    this.#lists = lists;
    this.#commits = commits;
  }

  async run(targets: readonly EntityDraft[], signal?: AbortSignal): Promise<SaveOutcomes> {
    // A draft already being saved finishes first, so nothing is sent twice.
    const busy = targets.map((t) => this.#inflight.get(t)).filter((p) => p !== undefined);
    if (busy.length > 0) await Promise.allSettled(busy);
    const plan = planSave(this.#registry, targets);
    const all = plan.levels.flat();
    for (const d of all) this.#validate(d);
    const outcomes: SaveOutcomes = new Map(targets.map((t) => [t, null]));
    const done = this.#send(plan.levels, plan.deps, outcomes, signal);
    for (const d of all) this.#inflight.set(d, done);
    try {
      await done;
    } finally {
      for (const d of all) if (this.#inflight.get(d) === done) this.#inflight.delete(d);
    }
    return outcomes;
  }

  async #send(
    levels: readonly (readonly EntityDraft[])[],
    deps: ReadonlyMap<EntityDraft, ReadonlySet<EntityDraft>>,
    outcomes: SaveOutcomes,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    for (const level of levels) {
      const pending: Pending[] = [];
      for (const draft of level) {
        const failed = [...(deps.get(draft) ?? [])].find((d) => outcomes.get(d));
        if (failed !== undefined) {
          const cause = outcomes.get(failed)!;
          outcomes.set(
            draft,
            new StashError(
              `StashEntityStore: ${label(failed)} (needed by ${label(draft)}) was not saved: ${cause.message}`,
              {
                cause,
              },
            ),
          );
          continue;
        }
        const s = draftState(draft);
        if (!s.isNew && s.edits.size === 0) continue;
        try {
          pending.push(this.#main(draft));
        } catch (error) {
          outcomes.set(draft, error as Error);
        }
      }
      // Creates before updates (Stash runs aliased mutations in order).
      pending.sort((a, b) => Number(!draftState(a.draft).isNew) - Number(!draftState(b.draft).isNew));
      await this.#request('SaveDrafts', pending, outcomes, signal);
    }
    const drafts = levels.flat();
    for (;;) {
      const round: Pending[] = [];
      for (const draft of drafts) {
        const s = draftState(draft);
        if (outcomes.get(draft) || s.isNew || s.ops.length === 0) continue;
        try {
          round.push(this.#sideOp(draft, s.ops[0]));
        } catch (error) {
          outcomes.set(draft, error as Error);
        }
      }
      if (round.length === 0) break;
      await this.#request('DraftOperations', round, outcomes, signal);
    }
  }

  async #request(
    operation: string,
    pending: readonly Pending[],
    outcomes: SaveOutcomes,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    if (pending.length === 0) return;
    const built = buildMutation(
      operation,
      pending.map((p) => p.call),
    );
    let seq = 0;
    const lists = new Set<string>();
    const commits: StoreCommit[] = [];
    // The mutation may have run: its fields (and what its rules cover) go stale, as of the failure's
    // arrival, not the send: a read sent meanwhile may have run before it on the server.
    const unsure = (failed: readonly Pending[]) => {
      if (failed.length === 0 || seq === 0) return;
      this.#host.write((ctx) => {
        for (const p of failed) p.unsure(ctx, lists);
      });
      for (const p of failed) commits.push(p.commit(true));
    };
    let sent;
    try {
      sent = await this.#host.pipeline.send(built.query, built.variables, {
        signal,
        // Never retried: a create or a side operation (sceneAddO) sent twice would run twice.
        idempotent: false,
        mutation: true,
        sent: (s) => (seq = s),
      });
    } catch (error) {
      for (const p of pending) outcomes.set(p.draft, error as Error);
      if (mayHaveRun(error)) unsure(pending);
      this.#lists.bump(lists);
      this.#commits.emit(commits);
      return;
    }
    const result = sent.result;
    // The answer is applied below; until then stale marks also guard the fields it may write.
    try {
      const { byAlias, unrouted } = routeErrors(result.errors, built.aliases);
      const data = result.data as Record<string, unknown> | null;
      if (unrouted.length > 0 || data === null) {
        const errors = [...unrouted, ...[...byAlias.values()].flat()];
        const error = graphQLFailure(operation, errors);
        for (const p of pending) outcomes.set(p.draft, error);
        // Errors tied to no mutation (parse, validation): the document was refused, nothing ran.
        if (unrouted.length === 0) unsure(pending);
        this.#lists.bump(lists);
        this.#commits.emit(commits);
        return;
      }
      const failed: Pending[] = [];
      // Requests in flight together run on the server in either order: neither answer wins the fields both wrote.
      this.#host.write((now) => {
        this.#host.write((ctx) => {
          pending.forEach((p, i) => {
            const alias = built.aliases[i];
            const errors = byAlias.get(alias);
            const value = data[alias];
            if (errors !== undefined || value === null || value === undefined) {
              const messages = errors?.map((e) => e.message).join('; ') ?? 'returned null';
              outcomes.set(
                p.draft,
                new StashGraphQLError(
                  `StashEntityStore: ${p.call.field} for ${label(p.draft)} failed: ${messages}`,
                  errors ?? [],
                ),
              );
              failed.push(p);
              return;
            }
            try {
              p.apply(ctx, value, lists);
              commits.push(p.commit(false));
            } catch (error) {
              // A malformed result: the mutation ran, so what it changed goes stale like any unsure one.
              outcomes.set(p.draft, error as Error);
              failed.push(p);
            }
          });
        }, seq);
        for (const p of pending) if (!failed.includes(p)) p.overlap?.(now, seq, lists);
      });
      unsure(failed);
      this.#lists.bump(lists);
      this.#commits.emit(commits);
    } finally {
      sent.done();
    }
  }

  /** The create or update call of a draft, with its input built now (dependencies have server ids). */
  #main(draft: EntityDraft): Pending {
    const s = draftState(draft);
    const model = this.#host.model;
    const type = this.#host.table.entity(s.typename);
    const em = type.entityModel!;
    const create = s.isNew;
    const mutation = create ? em.create! : em.update!;
    const sent = new Map(s.edits);
    const input: Record<string, unknown> = create ? {} : { id: s.id };
    const resolve = (ref: object, t: string) => this.#registry.idToSend(ref, t);
    for (const [field, value] of sent) {
      const info = s.info(field)!;
      input[info.mapping.input] = toInputValue(model, info, value, resolve);
    }
    if (!create) {
      // Inputs that must always be sent (SaveFilterInput's mode and name) come from the base.
      for (const info of s.host.writable(s.typename).values()) {
        if (info.input.required && !(info.mapping.input in input)) {
          input[info.mapping.input] = toInputValue(model, info, s.baseValue(info.field), resolve);
        }
      }
    }
    const tempId = s.id;
    const [selection, carried] = this.#returnSelection(s.typename, create ? undefined : s.id, sent.keys());
    let saved: StoreRecord;
    return {
      draft,
      call: {
        field: mutation.field,
        args: [{ name: mutation.arg, type: mutation.argType, value: input }],
        selection,
      },
      apply: (ctx, data) => {
        const host = this.#host;
        // Before the swap or any write: a malformed result changes nothing (the mutation is unsure).
        host.normalizer.checker.check(data, type.name, 'answer', mutation.field);
        const serverId = String((data as { id: unknown }).id);
        if (create) {
          // The swap and the server's entity land in the same batch: no reader sees a gap.
          if (host.source.get(type.name, tempId) !== undefined)
            rekeyRecord(host.source, type, tempId, serverId, ctx);
          this.#registry.swapped(draft, tempId, serverId);
        }
        const record = (saved = host.normalizer.entity(ctx, data, type.name, undefined));
        s.saved(record.snap, sent);
        this.#registry.touched(draft);
      },
      // A field a later-sent answer wrote, or any field while a later request is open, may be older than the server's.
      overlap: (now, seq, lists) => {
        const open = now.sequence.openAfter(seq);
        const names = [...carried.values()].filter((n) => open || saved.fieldSeq(n.fk.key) > seq);
        markStale(
          now,
          saved,
          names.map(({ fk }) => fk.name),
        );
        applyRule(this.#host, now, invalidationRule(type.name), new Set([saved]), lists);
      },
      unsure: (ctx, lists) => {
        const record = create ? undefined : this.#host.source.get(type.name, s.id);
        if (record !== undefined) markStale(ctx, record, [...sent.keys()]);
        applyRule(this.#host, ctx, invalidationRule(type.name), new Set(), lists);
      },
      commit: (uncertain) => ({
        kind: create ? 'create' : 'update',
        typename: type.name,
        id: create && uncertain ? null : s.id,
        mutation: mutation.field,
        fields: [...sent.keys()],
        rule: invalidationRule(type.name),
        uncertain,
      }),
    };
  }

  #sideOp(draft: EntityDraft, op: QueuedOperation): Pending {
    const s = draftState(draft);
    let changed: string[] | null = null;
    const vars = op.spec.variables(s.id, op.params, (ref, t) => this.#registry.idToSend(ref, t));
    return {
      draft,
      call: {
        field: op.spec.mutation,
        args: op.spec.args.map((a) => ({ name: a.name, type: a.type, value: vars[a.name] })),
        selection: op.spec.select === undefined ? undefined : plainSelection(op.spec.select),
      },
      apply: (ctx, data) => {
        if (s.ops[0] === op) s.ops.shift();
        const patch = op.spec.patch(data, op.params);
        changed = [...Object.keys(patch.values ?? {}), ...(patch.stale ?? [])];
        patchRecord(this.#host, ctx, s.typename, s.id, patch.values, patch.stale);
        const record = this.#host.source.get(s.typename, s.id);
        if (record !== undefined && s.edits.size === 0) s.base = record.snap;
        this.#registry.touched(draft);
      },
      // Like a save's: a field it patched that a later-sent answer wrote, or any while a later request is open.
      overlap: (now, seq, lists) => {
        const record = this.#host.source.get(s.typename, s.id);
        applyRule(this.#host, now, op.spec.invalidates, new Set(record ? [record] : []), lists);
        if (record === undefined || changed === null) return;
        const open = now.sequence.openAfter(seq);
        markStale(
          now,
          record,
          changed.filter((name) => open || record.fieldSeq(name) > seq),
        );
      },
      unsure: (ctx, lists) => {
        // Which fields the operation changes is known only from its result: the whole record goes stale.
        const record = this.#host.source.get(s.typename, s.id);
        if (record !== undefined) markInvalidated(record, ctx);
        applyRule(this.#host, ctx, op.spec.invalidates, new Set(), lists);
      },
      commit: (uncertain) => ({
        kind: 'side',
        typename: s.typename,
        id: s.id,
        mutation: op.spec.mutation,
        fields: uncertain ? null : changed,
        rule: op.spec.invalidates ?? {},
        uncertain,
      }),
    };
  }

  /** Fields selected back: what the cache tracks for the record plus the edited fields. */
  #returnSelection(
    typename: string,
    id: string | undefined,
    edited: Iterable<string>,
  ): [SelectionSetNode, FieldTree] {
    const { table, trees, selections, source } = this.#host;
    const type = table.entity(typename);
    const record = id === undefined ? undefined : source.get(typename, id);
    const tree: FieldTree = record === undefined ? cloneTree(trees.defaults(typename)) : new Map();
    const add = (key: string) => {
      const fk = key.includes('(') ? parseFieldKey(key) : fieldKey(key);
      const info = type.fields.get(fk.name);
      if (info === undefined || tree.has(fk.key)) return;
      tree.set(fk.key, { fk, children: info.link ? cloneTree(trees.small(info.typeName)) : undefined });
    };
    if (record !== undefined) for (const key of record.shape.keys) add(key);
    for (const field of edited) add(field);
    return [selections.entity(typename, tree), tree];
  }

  /** Checks a draft can be sent as it is (before any request of the save). */
  #validate(draft: EntityDraft): void {
    const s = draftState(draft);
    const em = this.#host.table.entity(s.typename).entityModel!;
    const inputName = s.isNew ? em.createInput : em.updateInput;
    const input = inputName === undefined ? undefined : this.#host.model.inputs[inputName];
    if (input === undefined) {
      if (s.isNew || s.edits.size > 0)
        throw new StashValidationError(
          `StashEntityStore: ${s.typename} cannot be ${s.isNew ? 'created' : 'updated'}`,
        );
      return;
    }
    const given = new Set<string>();
    for (const field of s.edits.keys()) {
      const mapped = s.info(field)!.mapping.input;
      if (!(mapped in input.fields)) {
        throw new StashValidationError(
          `StashEntityStore: ${s.typename}.${field} cannot be set when ${s.isNew ? 'creating' : 'updating'} (${inputName} has no ${mapped})`,
        );
      }
      if (s.edits.get(field) !== null) given.add(mapped);
    }
    if (!s.isNew) {
      if (s.edits.size === 0) return;
      for (const info of s.host.writable(s.typename).values()) {
        if (
          info.input.required &&
          !given.has(info.mapping.input) &&
          (s.baseValue(info.field) ?? null) === null
        ) {
          throw new StashValidationError(
            `StashEntityStore: ${label(draft)} needs ${info.field} to be loaded or set to save (${inputName}.${info.mapping.input} is required)`,
          );
        }
      }
      return;
    }
    const missing = Object.values(input.fields).filter((f) => f.required && !given.has(f.name));
    if (missing.length > 0) {
      throw new StashValidationError(
        `StashEntityStore: a new ${s.typename} needs ${missing.map((f) => f.name).join(', ')} (${inputName})`,
      );
    }
  }
}
