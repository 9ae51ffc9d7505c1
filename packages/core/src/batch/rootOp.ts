/**
 * One root field of a coalesced document (`r3: findScene(id: $r3_id) { ...F0 }`), with what to do
 * with its part of the response. A document is a list of root ops; the executor sends them and
 * hands every op its own data and errors.
 */
import type { SelectionSetNode } from '../query/printDocument';
import type { GraphQLErrorEntry, StashError } from '../errors';
import type { WriteContext } from '../normalize/normalizer';

export interface RootArg {
  name: string;
  /** Printed GraphQL type of the variable (`ID!`, `FindFilterType`). */
  type: string;
  value: unknown;
}

export interface RootOp {
  /** Root query field (`findScene`). */
  readonly field: string;
  readonly args: readonly RootArg[];
  readonly selection: SelectionSetNode;
  /** Set when the selection is shared through a named fragment (same key → same fragment). */
  readonly fragment?: { readonly key: string; readonly on: string };
  /** The field's type is non-null, so its error nulls the whole `data` (`findFile`, `find*`). */
  readonly nonNull: boolean;
  /** Set when every consumer aborted while in flight: its data is not applied, and it is not re-sent. */
  dropped?: boolean;
  /**
   * Applies the op's data (`undefined` when the response had no data) and the errors under its
   * alias, inside the response's write batch. Returns ops to send next (e.g. a split batch).
   */
  apply(data: unknown, errors: readonly GraphQLErrorEntry[], write: WriteContext): readonly RootOp[] | void;
  /** The request failed as a whole (network, HTTP status, or errors not tied to one op). */
  fail(error: StashError): void;
}
