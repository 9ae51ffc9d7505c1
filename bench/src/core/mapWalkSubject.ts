import { walkMap, type SelectionField } from '../fixtures/sceneSelection';
import type { CoreCache, CoreSubject, FindScenesData, SlimPerformer } from './coreSubject';

type Flat = Record<string, unknown>;

/**
 * The floor: a plain walk that turns every object with `__typename` + `id` into a flat record in one
 * `Map`, replacing it by its `'Type:id'` key in the parent and merging into a record already there.
 * No schema, no field tracking, no snapshots, no change notification.
 */
export class MapWalkCache implements CoreCache {
  readonly records = new Map<string, Flat>();

  ingest(data: FindScenesData): void {
    const scenes = data.findScenes.scenes;
    for (let i = 0; i < scenes.length; i++) this.#value(scenes[i]);
  }

  readScene(id: string): unknown {
    return this.records.get(`Scene:${id}`);
  }

  writePerformer(performer: SlimPerformer): void {
    this.#value(performer);
  }

  readScenePerformerNames(id: string): string[] {
    const scene = this.records.get(`Scene:${id}`)!;
    const refs = scene.performers as string[];
    return refs.map((ref) => this.records.get(ref)!.name as string);
  }

  readSceneSelection(id: string, fields: readonly SelectionField[]): number {
    return walkMap(this.records.get(`Scene:${id}`), fields, this.records);
  }

  #value(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      // Lists of scalars (urls, aliases) are kept as they are; lists holding objects are rewritten.
      if (value.length === 0 || typeof value[0] !== 'object') return value;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.#value(value[i]);
      return out;
    }
    const obj = value as Flat;
    const typename = obj.__typename;
    const id = obj.id;
    if (typename !== undefined && id !== undefined) {
      const key = `${typename as string}:${id as string}`;
      let record = this.records.get(key);
      if (record === undefined) this.records.set(key, (record = {}));
      for (const field in obj) record[field] = this.#value(obj[field]);
      return key;
    }
    const out: Flat = {};
    for (const field in obj) out[field] = this.#value(obj[field]);
    return out;
  }
}

export const mapWalkSubject: CoreSubject = { name: 'map-walk', create: () => new MapWalkCache() };
