import type { FileRow } from '../db/rows';
import type { FilterContext } from '../filter/filterContext';
import type { EntityRow, FilterEntity } from '../filter/types';

type Values = (string | null | undefined)[];

function fileValues(files: readonly FileRow[]): Values {
  const out: Values = [];
  for (const f of files) {
    out.push(f.path);
    for (const fp of f.fingerprints) out.push(fp.value);
  }
  return out;
}

/**
 * The values `q` searches per entity (Stash's searchColumns): scenes title, details, file paths,
 * fingerprints and marker titles; performers/studios name and aliases; tags name, aliases and sort
 * name; galleries title, folder and file paths, fingerprints, chapter titles; images title, paths,
 * fingerprints; groups name and aliases; markers title, scene title and primary tag name; files
 * and folders their path.
 */
export const SEARCH_COLUMNS: { [E in FilterEntity]: (row: EntityRow<E>, ctx: FilterContext) => Values } = {
  Scene: (s, ctx) => [
    s.title,
    s.details,
    ...fileValues(ctx.files(s.file_ids)),
    ...ctx.rows('SceneMarker', ctx.markersOfScene(s.id)).map((m) => m.title),
  ],
  Performer: (p) => [p.name, ...p.alias_list],
  Studio: (s) => [s.name, ...s.aliases],
  Tag: (t) => [t.name, ...t.aliases, t.sort_name],
  Gallery: (g, ctx) => [
    g.title,
    ctx.folder(g.folder_id)?.path,
    ...fileValues(ctx.files(g.file_ids)),
    ...ctx.rows('GalleryChapter', ctx.chaptersOfGallery(g.id)).map((c) => c.title),
  ],
  Image: (i, ctx) => [i.title, ...fileValues(ctx.files(i.file_ids))],
  Group: (g) => [g.name, g.aliases],
  SceneMarker: (m, ctx) => [
    m.title,
    ctx.db.get('Scene', m.scene_id)?.title,
    ctx.db.get('Tag', m.primary_tag_id)?.name,
  ],
  File: (f) => [f.path],
  Folder: (f) => [f.path],
};
