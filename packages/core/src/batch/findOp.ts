/**
 * A list query as a root op: `count` and the items in one field (`findScenes(...) { count scenes {...} }`),
 * plus, when asked, the result's aggregates (`duration filesize` of scenes, `megapixels` of images).
 * With a `limit`, a count above it rejects with `FindLimitError` and nothing is written.
 */
import { FindLimitError, type GraphQLErrorEntry, type StashError, type StashGraphQLError } from '../errors';
import type { TypeInfo } from '../model/typeTable';
import { errorTrie } from '../normalize/errorTrie';
import type { Normalizer, WriteContext } from '../normalize/normalizer';
import type { EntitySnapshot } from '../records/storeRecord';
import type { SelectionSetNode } from '../query/printDocument';
import { malformed, writeItems } from './entityOps';
import { graphQLFailure } from './requestPipeline';
import type { RootArg, RootOp } from './rootOp';

export interface FindPage<T = EntitySnapshot> {
  /** Total matches on the server (all pages). */
  count: number;
  items: T[];
  /** The result's other numbers (`duration`, `filesize`...), when the op selected them. */
  aggregates?: Readonly<Record<string, number>>;
}

export class FindOp implements RootOp {
  readonly field: string;
  readonly nonNull = true;
  dropped = false;
  readonly selection: SelectionSetNode;
  readonly promise: Promise<FindPage>;
  #resolve!: (page: FindPage) => void;
  #reject!: (error: StashError) => void;
  readonly #direct: boolean;
  readonly #itemsField: string;

  readonly #normalizer: Normalizer;
  readonly #type: TypeInfo;
  readonly #limit: number | undefined;
  readonly #aggregates: readonly string[];

  constructor(
    normalizer: Normalizer,
    type: TypeInfo,
    readonly args: readonly RootArg[],
    itemSelection: SelectionSetNode,
    limit: number | undefined,
    aggregates: readonly string[] = [],
  ) {
    this.#normalizer = normalizer;
    this.#type = type;
    this.#limit = limit;
    this.#aggregates = aggregates;
    const list = type.entityModel!.list!;
    this.field = list.field;
    this.#direct = list.direct === true;
    this.#itemsField = list.itemsField;
    this.selection = this.#direct
      ? itemSelection
      : [
          ...['count', ...aggregates].map((field) => ({ kind: 'Field', name: field }) as const),
          { kind: 'Field', name: list.itemsField, selections: itemSelection },
        ];
    this.promise = new Promise<FindPage>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  apply(data: unknown, errors: readonly GraphQLErrorEntry[], ctx: WriteContext): void {
    if (data === undefined || data === null) {
      this.fail(this.#error(errors));
      return;
    }
    const items = (this.#direct ? data : (data as Record<string, unknown>)[this.#itemsField]) as
      unknown[] | null;
    const count = this.#direct ? (items?.length ?? 0) : (data as { count?: unknown }).count;
    // A result without its count or items is a protocol error, not an empty page (errors aside:
    // then the nulled part is reported below).
    if (errors.length === 0) {
      if (!Array.isArray(items))
        throw malformed(
          `${this.field} answered without a ${this.#direct ? 'list' : this.#itemsField + ' list'}`,
        );
      if (typeof count !== 'number') throw malformed(`${this.field} answered without a count`);
    }
    if (typeof count !== 'number') {
      this.fail(this.#error(errors));
      return;
    }
    if (this.#limit !== undefined && count > this.#limit) {
      this.fail(new FindLimitError(count, this.#limit));
      return;
    }
    const alias = errors[0]?.path?.[0];
    let trie = typeof alias === 'string' ? errorTrie(errors, alias) : undefined;
    if (!this.#direct) trie = trie?.children?.get(this.#itemsField);
    const where = this.#direct ? this.field : `${this.field}.${this.#itemsField}`;
    const records = writeItems(this.#normalizer, ctx, items, this.#type.name, where, trie);
    // Read snapshots after the whole page is written: an entity repeated in the page is current.
    if (errors.length > 0) this.fail(this.#error(errors));
    else {
      const page: FindPage = { count, items: records.map((r) => r.snap) };
      if (this.#aggregates.length > 0)
        page.aggregates = this.#aggregateValues(data as Record<string, unknown>);
      this.#resolve(page);
    }
  }

  #aggregateValues(data: Record<string, unknown>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const field of this.#aggregates) out[field] = (data[field] as number | null) ?? 0;
    return out;
  }

  #error(errors: readonly GraphQLErrorEntry[]): StashGraphQLError {
    return graphQLFailure(this.field, errors);
  }

  fail(error: StashError): void {
    this.#reject(error);
  }
}
