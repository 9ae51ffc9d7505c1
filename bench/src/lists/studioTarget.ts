import type { FindScenesData } from '../fixtures/loadFixtures';

export interface StudioTarget {
  studioId: string;
  studioName: string;
  /** The only scene of the page that shows the studio: one card must re-render per rename. */
  sceneId: string;
}

/** A studio linked by exactly one scene of the page, so an update concerns one mounted card at any N. */
export function findStudioTarget(data: FindScenesData): StudioTarget {
  const byStudio = new Map<string, { name: string; scenes: string[] }>();
  for (const scene of data.findScenes.scenes) {
    const studio = scene.studio as { id: string; name: string } | null;
    if (studio === null) continue;
    const entry = byStudio.get(studio.id);
    if (entry === undefined) byStudio.set(studio.id, { name: studio.name, scenes: [scene.id] });
    else entry.scenes.push(scene.id);
  }
  for (const [studioId, entry] of byStudio) {
    if (entry.scenes.length === 1) return { studioId, studioName: entry.name, sceneId: entry.scenes[0] };
  }
  throw new Error('bench: no studio of the page is linked by exactly one scene');
}
