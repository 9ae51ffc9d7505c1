/**
 * Root ops that fetch entities by id for the loader:
 * - `SingleFetchOp`: `findScene(id:)` and friends, one alias per record; `null` means not found.
 *   `findFile`/`findFolder` answer a missing id with an error instead (their type is non-null):
 *   an error whose message says "not found" is mapped to not-found for that read only.
 * - `IdsFetchOp`: `findSceneMarkers(ids: [...])` for types without a single query. Stash fails the
 *   whole field when one id is missing, so on error the batch splits in halves until the missing
 *   id is alone (then it is not-found) — the other ids still resolve.
 */
import type { SelectionSetNode } from '../query/printDocument';
import { StashError, type GraphQLErrorEntry, type StashGraphQLError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import { errorTrie, type ErrorNode } from '../normalize/errorTrie';
import type { Normalizer, WriteContext } from '../normalize/normalizer';
import type { RecordSource } from '../records/recordSource';
import type { StoreRecord } from '../records/storeRecord';
import { markDeleted } from '../records/recordMarks';
import { recordKey } from '../shared/keys';
import { graphQLFailure } from './requestPipeline';
import type { RootArg, RootOp } from './rootOp';

export type Outcome = { kind: 'missing' } | { kind: 'error'; error: StashError };
/** Outcome per record key of one flush; a key without an entry was fetched fine. */
export type Outcomes = Map<string, Outcome>;

export interface OpDeps {
  readonly normalizer: Normalizer;
  readonly source: RecordSource;
  readonly outcomes: Outcomes;
}

const NOT_FOUND = /not found/i;

/** A 200 answer that does not have the shape asked for: a protocol error, never "not found". */
export function malformed(what: string): StashError {
  return new StashError(`StashEntityStore: malformed answer: ${what}`);
}

function graphQLError(type: string, ids: string, errors: readonly GraphQLErrorEntry[]): StashGraphQLError {
  return graphQLFailure(`fetching ${type} ${ids}`, errors);
}

/**
 * A list answer's items (checked against the schema first), each written with its part of the
 * error trie; `null` items (nulled by an error) are skipped.
 */
export function writeItems(
  normalizer: Normalizer,
  ctx: WriteContext,
  items: unknown,
  typename: string,
  where: string,
  trie: ErrorNode | undefined,
): StoreRecord[] {
  const records: StoreRecord[] = [];
  if (!Array.isArray(items)) return records;
  normalizer.checker.check(items, typename, 'answer', where, true);
  items.forEach((item, i) => {
    if (item !== null) records.push(normalizer.entity(ctx, item, typename, trie?.children?.get(i)));
  });
  return records;
}

/** Tombstones a record the server no longer has, so links and subscribers can tell. */
function markMissing(deps: OpDeps, type: TypeInfo, id: string, ctx: WriteContext): void {
  deps.outcomes.set(recordKey(type.name, id), { kind: 'missing' });
  const record = deps.source.get(type.name, id);
  if (record !== undefined) markDeleted(record, ctx);
  // Links to it in answers sent before this one are outdated.
  ctx.sequence.pending(ctx.seq, (marks) => marks.gone(ctx.seq, type.name, id));
}

export class SingleFetchOp implements RootOp {
  readonly field: string;
  readonly args: readonly RootArg[];
  readonly nonNull: boolean;
  readonly fragment: { key: string; on: string };

  readonly #deps: OpDeps;
  readonly #type: TypeInfo;
  readonly #id: string;

  constructor(
    deps: OpDeps,
    type: TypeInfo,
    id: string,
    readonly selection: SelectionSetNode,
    signature: string,
  ) {
    this.#deps = deps;
    this.#type = type;
    this.#id = id;
    const single = type.entityModel!.single!;
    this.field = single.field;
    this.args = [{ name: single.idArg, type: single.idType, value: id }];
    this.nonNull = single.errorsOnMissing;
    this.fragment = { key: type.name + '{' + signature + '}', on: type.name };
  }

  apply(data: unknown, errors: readonly GraphQLErrorEntry[], ctx: WriteContext): void {
    const key = recordKey(this.#type.name, this.#id);
    const rootErrors = errors.filter((e) => (e.path?.length ?? 0) <= 1);
    if (rootErrors.length > 0 && this.nonNull && rootErrors.every((e) => NOT_FOUND.test(e.message))) {
      markMissing(this.#deps, this.#type, this.#id, ctx);
      return;
    }
    if (data !== undefined && data !== null) {
      if (typeof data !== 'object' || Array.isArray(data)) {
        throw malformed(
          `${this.field}(${this.#id}) answered ${Array.isArray(data) ? 'a list' : typeof data}`,
        );
      }
      const typename = (data as { __typename?: unknown }).__typename;
      if (typename !== undefined && typename !== this.#type.name) {
        // findFile (abstract) returned another file type than the one asked for: not this read's entity.
        if (this.#sibling(typename)) {
          markMissing(this.#deps, this.#type, this.#id, ctx);
          return;
        }
        throw malformed(
          `${this.field}(${this.#id}) answered a ${String(typename)} where a ${this.#type.name} was asked for`,
        );
      }
      const rawId = (data as { id?: unknown }).id;
      if (rawId === undefined || String(rawId) !== this.#id) {
        throw malformed(`${this.field}(${this.#id}) answered id ${String(rawId)}`);
      }
      this.#deps.normalizer.checker.check(data, this.#type.name, 'answer', `${this.field}(${this.#id})`);
      this.#deps.normalizer.entity(
        ctx,
        data,
        this.#type.name,
        errorTrie(errors, errors[0]?.path?.[0] as string),
      );
    } else if (errors.length === 0) {
      markMissing(this.#deps, this.#type, this.#id, ctx);
      return;
    }
    if (errors.length > 0)
      this.#deps.outcomes.set(key, { kind: 'error', error: graphQLError(this.#type.name, this.#id, errors) });
  }

  fail(error: StashError): void {
    this.#deps.outcomes.set(recordKey(this.#type.name, this.#id), { kind: 'error', error });
  }

  // Another concrete type answered by the same (abstract) root field: findFile's VideoFile vs ImageFile.
  #sibling(typename: unknown): boolean {
    if (typeof typename !== 'string') return false;
    const other = this.#deps.normalizer.table.object(typename);
    return other?.entityModel?.single?.field === this.field;
  }
}

export class IdsFetchOp implements RootOp {
  readonly field: string;
  readonly args: readonly RootArg[];
  readonly nonNull = true;
  readonly selection: SelectionSetNode;

  readonly #deps: OpDeps;
  readonly #type: TypeInfo;
  readonly #ids: readonly string[];
  readonly #itemSelection: SelectionSetNode;

  constructor(deps: OpDeps, type: TypeInfo, ids: readonly string[], itemSelection: SelectionSetNode) {
    this.#deps = deps;
    this.#type = type;
    this.#ids = ids;
    this.#itemSelection = itemSelection;
    const list = type.entityModel!.list!;
    this.field = list.field;
    this.args = [{ name: list.idsArg!, type: '[ID!]', value: ids }];
    this.selection = [{ kind: 'Field', name: list.itemsField, selections: itemSelection }];
  }

  apply(data: unknown, errors: readonly GraphQLErrorEntry[], ctx: WriteContext): readonly RootOp[] | void {
    if (data === undefined || data === null) {
      if (this.#ids.length > 1) {
        const half = Math.ceil(this.#ids.length / 2);
        return [
          new IdsFetchOp(this.#deps, this.#type, this.#ids.slice(0, half), this.#itemSelection),
          new IdsFetchOp(this.#deps, this.#type, this.#ids.slice(half), this.#itemSelection),
        ];
      }
      if (errors.length > 0 && errors.every((e) => NOT_FOUND.test(e.message))) {
        markMissing(this.#deps, this.#type, this.#ids[0], ctx);
        return;
      }
      this.fail(graphQLError(this.#type.name, this.#ids[0], errors));
      return;
    }
    const alias = errors[0]?.path?.[0] as string | undefined;
    const itemsField = this.#type.entityModel!.list!.itemsField;
    const items = (data as Record<string, unknown>)[itemsField];
    // Without the list (or with a null one and no error for it) nothing says which ids are missing.
    if (!Array.isArray(items) && !(items === null && errors.length > 0)) {
      throw malformed(`${this.field} answered without a ${itemsField} list`);
    }
    const trie = alias === undefined ? undefined : errorTrie(errors, alias)?.children?.get(itemsField);
    const where = `${this.field}.${itemsField}`;
    const written = writeItems(this.#deps.normalizer, ctx, items, this.#type.name, where, trie);
    const seen = new Set(written.map((record) => record.id));
    for (const id of this.#ids) if (!seen.has(id)) markMissing(this.#deps, this.#type, id, ctx);
    if (errors.length > 0) this.fail(graphQLError(this.#type.name, this.#ids.join(', '), errors));
  }

  fail(error: StashError): void {
    for (const id of this.#ids)
      this.#deps.outcomes.set(recordKey(this.#type.name, id), { kind: 'error', error });
  }
}
