import type { FindScenesData, SceneItem, SlimPerformer } from './coreSubject';

export interface UpdateTarget {
  /** The performer that appears in the most scenes of the page (the worst case for a naive cache). */
  performer: SlimPerformer;
  /** A scene of the page that links that performer. */
  sceneId: string;
  scene: SceneItem & { performers: SlimPerformer[] };
}

/** Picks the most-linked performer of the page and a scene that shows it. */
export function findUpdateTarget(data: FindScenesData): UpdateTarget {
  const counts = new Map<string, { performer: SlimPerformer; scene: UpdateTarget['scene']; n: number }>();
  for (const scene of data.findScenes.scenes as UpdateTarget['scene'][]) {
    for (const performer of scene.performers) {
      const entry = counts.get(performer.id);
      if (entry === undefined) counts.set(performer.id, { performer, scene, n: 1 });
      else entry.n++;
    }
  }
  let best: { performer: SlimPerformer; scene: UpdateTarget['scene']; n: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.n > best.n) best = entry;
  if (best === undefined) throw new Error('bench: the page has no performers');
  return { performer: { ...best.performer }, sceneId: best.scene.id, scene: best.scene };
}
