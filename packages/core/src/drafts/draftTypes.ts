/**
 * Public draft types: `Draft<'Scene'>` has Scene's writable fields (assignable), its other fields
 * (read-only, from the base snapshot) and Scene's side operations (`addO()`, `setResumeTime()`).
 */
import type { EntityTypeName, EntityTypes } from '../schema/generated/types';
import type { StashEntity } from '../store/storeTypes';
import type { EntityDraft } from './entityDraft';
import type { DraftableType, WritableField } from './writableFields';

/** A plain reference by id (the typename is the field's when left out). */
export interface EntityRef<N extends EntityTypeName = EntityTypeName> {
  readonly __typename?: N;
  readonly id: string;
}

/** A value a reference field accepts: a snapshot, a draft (new ones get saved first) or `{ id }`. */
export type DraftRef<N extends EntityTypeName> = EntityTypes[N] | Draft<N> | EntityRef<N>;

/** The draft-side type of an entity field value: entity references may also be drafts. */
export type DraftValue<V> = V extends readonly (infer E)[]
  ? ReadonlyArray<DraftValue<E>>
  : V extends { __typename: infer N extends EntityTypeName; id: string }
    ? DraftRef<N>
    : V extends object
      ? { readonly [K in keyof V as K extends '__typename' ? never : K]?: DraftValue<V[K]> }
      : V;

type Fields<T extends EntityTypeName> = EntityTypes[T];
type Writable<T extends EntityTypeName> = T extends DraftableType
  ? WritableField<T> & keyof Fields<T>
  : never;

export interface SceneDraftOperations {
  /** `sceneAddO`: one O now, or at `times`. */
  addO(times?: readonly string[]): this;
  /** `sceneDeleteO`: the last O, or those at `times`. */
  deleteO(times?: readonly string[]): this;
  resetO(): this;
  addPlay(times?: readonly string[]): this;
  deletePlay(times?: readonly string[]): this;
  resetPlayCount(): this;
  /** `sceneSaveActivity`: resume point and/or play duration to add (seconds). */
  saveActivity(activity: { resumeTime?: number; playDuration?: number }): this;
  setResumeTime(seconds: number): this;
  /** `sceneResetActivity` (both by default). */
  resetActivity(what?: { resume?: boolean; duration?: boolean }): this;
}

export interface ImageDraftOperations {
  incrementO(): this;
  decrementO(): this;
  resetO(): this;
}

export interface GalleryDraftOperations {
  setCover(image: DraftRef<'Image'>): this;
  resetCover(): this;
  addImages(images: ReadonlyArray<DraftRef<'Image'>>): this;
  removeImages(images: ReadonlyArray<DraftRef<'Image'>>): this;
}

type OperationsOf<T> = T extends 'Scene'
  ? SceneDraftOperations
  : T extends 'Image'
    ? ImageDraftOperations
    : T extends 'Gallery'
      ? GalleryDraftOperations
      : unknown;

/** A typed draft of entity type `T`. */
export type Draft<T extends EntityTypeName> = EntityDraft & { readonly __typename: T } & {
  -readonly [K in Writable<T>]: DraftValue<Fields<T>[K]>;
} & {
  readonly [K in Exclude<keyof Fields<T>, Writable<T> | '__typename' | 'id'>]?: Fields<T>[K];
} & OperationsOf<T>;

/** Initial values of `store.create(type, data)`: any writable fields. */
export type DraftData<T extends EntityTypeName> = {
  [K in Writable<T>]?: DraftValue<Fields<T>[K]> | null;
};

/** Outcome of one draft in `saveBatch`/`saveAll` (`entity`: the saved snapshot). */
export type SaveResult =
  | { readonly draft: EntityDraft; readonly ok: true; readonly entity: StashEntity }
  | { readonly draft: EntityDraft; readonly ok: false; readonly error: Error };
