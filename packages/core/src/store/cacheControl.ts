/**
 * Cache control behind the facade: staleness (`invalidate*`: records kept, identity kept, refetched
 * by the next read), forgetting (`evict`, `clear`), per-type TTLs, statistics, and the writes that
 * do not come from a response: `ingest` (hydration, fixtures) and the writes pipeline's record
 * seams (`markDeleted`, `rekey`). Each call is one write batch.
 */
import type { TypeTable } from '../model/typeTable';
import type { Normalizer } from '../normalize/normalizer';
import type { RecordSource } from '../records/recordSource';
import { RecordState, type StoreRecord } from '../records/storeRecord';
import type { WriteBatch } from '../batch/requestExecutor';
import {
  evictAll,
  evictRecord,
  markDeleted,
  markInvalidated,
  rekeyRecord,
  unlinkEvicted,
} from './recordWrites';
import { checkId, concreteTypes } from './storeInput';
import type { CacheStats } from './storeTypes';
import type { TtlPolicy, TtlSeconds } from './ttlPolicy';
import { StashValidationError } from '../errors';
import { checkEntityId } from '../validate/entityId';
import { show } from '../validate/showValue';
import { MAX_DEPTH, checkStructure } from '../validate/structure';

export class CacheControl {
  readonly #source: RecordSource;
  readonly #table: TypeTable;
  readonly #ttl: TtlPolicy;
  readonly #normalizer: Normalizer;
  readonly #write: WriteBatch;

  constructor(
    source: RecordSource,
    table: TypeTable,
    ttl: TtlPolicy,
    normalizer: Normalizer,
    write: WriteBatch,
  ) {
    this.#source = source;
    this.#table = table;
    this.#ttl = ttl;
    this.#normalizer = normalizer;
    this.#write = write;
  }

  /**
   * Normalizes plain result objects as if the server sent them (one batch for an array). Every
   * value is checked against the schema, and the structure (cycles, runaway nesting) too, before
   * anything is visible: a write of its own checks while it writes and undoes itself on a misfit;
   * then (or inside another write) the data is checked first, which throws the error that names it.
   */
  ingest(typename: string, data: Record<string, unknown> | readonly Record<string, unknown>[]): unknown {
    if (this.#table.abstract(typename) === undefined) this.#table.entity(typename);
    const list = Array.isArray(data);
    try {
      if (!list) checkIngestRoot(typename, data);
      else for (let i = 0; i < data.length; i++) checkIngestRoot(typename, data[i]);
    } catch (error) {
      checkStructure(data, ingestWhere(typename));
      throw error;
    }
    const written = this.#write((ctx) => {
      if (ctx.outermost) {
        const records = this.#normalizer.ingestChecked(ctx, data, typename, list);
        if (records !== undefined) return records;
      }
      this.#check(data, typename, list, ingestWhere(typename));
      if (!list) return this.#normalizer.entity(ctx, data, typename, undefined);
      return data.map((d) => this.#normalizer.entity(ctx, d, typename, undefined));
    });
    return Array.isArray(written) ? written.map((r) => r.snap) : written.snap;
  }

  // The schema check bounded in depth; the structure walk only when it fails or met unwalked values.
  #check(data: unknown, typename: string, list: boolean, where: string): void {
    const checker = this.#normalizer.checker;
    try {
      checker.check(data, typename, 'input', `ingest(${typename})`, list, MAX_DEPTH);
    } catch (error) {
      checkStructure(data, where);
      throw error;
    }
    if (checker.opaque) checkStructure(data, where);
  }

  invalidate(typename: string, id: string): void {
    this.#write((ctx) => {
      for (const type of concreteTypes(this.#table, typename)) {
        const record = this.#source.get(type.name, id);
        if (record !== undefined) markInvalidated(record, ctx);
        else ctx.sequence.pending(ctx.seq, (marks) => marks.floor(ctx.seq, type.name, id));
      }
    });
  }

  invalidateType(typename: string): void {
    const types = concreteTypes(this.#table, typename);
    this.#write((ctx) => {
      for (const type of types) {
        for (const record of this.#source.values(type.name)) markInvalidated(record, ctx);
        ctx.sequence.pending(ctx.seq, (marks) => marks.floor(ctx.seq, type.name));
      }
    });
  }

  invalidateAll(): void {
    this.#write((ctx) => {
      for (const typename of [...this.#source.typenames()]) {
        for (const record of this.#source.values(typename)) markInvalidated(record, ctx);
      }
      ctx.sequence.pending(ctx.seq, (marks) => marks.floor(ctx.seq));
    });
  }

  evict(typename: string, id: string): void {
    this.#write((ctx) => {
      const gone = new Set<StoreRecord>();
      for (const type of concreteTypes(this.#table, typename)) {
        const record = this.#source.get(type.name, id);
        if (record === undefined) continue;
        evictRecord(this.#source, record, ctx);
        gone.add(record);
      }
      if (gone.size > 0) unlinkEvicted(this.#source, gone, ctx);
    });
  }

  clear(): void {
    this.#write((ctx) => evictAll(this.#source, ctx));
  }

  setTtl(typename: string, seconds: TtlSeconds): void {
    for (const type of concreteTypes(this.#table, typename)) this.#ttl.setType(type, seconds);
  }

  cacheStats(): CacheStats {
    const byType: Record<string, number> = {};
    let total = 0;
    let expired = 0;
    const now = this.#ttl.now();
    for (const typename of this.#source.typenames()) {
      let count = 0;
      for (const record of this.#source.values(typename)) {
        if (record.state === RecordState.Deleted) continue;
        count++;
        if (this.#ttl.isStale(record, now)) expired++;
      }
      if (count > 0) byType[typename] = count;
      total += count;
    }
    return { totalEntries: total, byType, expired };
  }

  markDeleted(typename: string, id: string): void {
    this.#write((ctx) => {
      const record = this.#source.get(this.#table.entity(typename).name, checkId(id));
      if (record !== undefined) markDeleted(record, ctx);
    });
  }

  rekey(typename: string, fromId: string, toId: string): void {
    const type = this.#table.entity(typename);
    this.#write((ctx) => rekeyRecord(this.#source, type, checkId(fromId), checkId(toId), ctx));
  }
}

// Built only when needed: most ingests never name themselves.
function ingestWhere(typename: string): string {
  return `StashEntityStore: ingest(${typename})`;
}

function checkIngestRoot(typename: string, item: unknown): void {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    throw new StashValidationError(`StashEntityStore: ingest(${typename}) takes objects, got ${show(item)}`);
  const id = (item as { id?: unknown }).id;
  if (id === undefined || id === null)
    throw new StashValidationError(`StashEntityStore: ${typename} object without an id`);
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return;
  checkEntityId(id, `StashEntityStore: ingest(${typename}) id`);
}
