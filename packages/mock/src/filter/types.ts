import type { RowsByTable } from '../db/rows';

/** Entities the filter/sort engine evaluates (the `find*` list queries of Stash). */
export type FilterEntity =
  | 'Scene'
  | 'Performer'
  | 'Studio'
  | 'Tag'
  | 'Gallery'
  | 'Image'
  | 'Group'
  | 'SceneMarker'
  | 'File'
  | 'Folder';

export type EntityRow<E extends FilterEntity> = RowsByTable[E];

export type Predicate<R> = (row: R) => boolean;

/** A GraphQL input object as the resolver receives it (already coerced by graphql-js). */
export type FilterInput = Record<string, any>;

/** GraphQL input type name of each entity's object filter, used in error messages. */
export const FILTER_TYPE_NAME: Record<FilterEntity, string> = {
  Scene: 'SceneFilterType',
  Performer: 'PerformerFilterType',
  Studio: 'StudioFilterType',
  Tag: 'TagFilterType',
  Gallery: 'GalleryFilterType',
  Image: 'ImageFilterType',
  Group: 'GroupFilterType',
  SceneMarker: 'SceneMarkerFilterType',
  File: 'FileFilterType',
  Folder: 'FolderFilterType',
};

export const FILTER_ENTITIES: readonly FilterEntity[] = Object.keys(FILTER_TYPE_NAME) as FilterEntity[];
