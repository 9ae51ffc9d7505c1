import { MapWalkCache } from '../core/mapWalkSubject';
import { walkMap } from '../fixtures/sceneSelection';
import type { ListSubject } from './listSubject';

/** The floor: scenes as flat records in one Map, the list as the page's keys; no observers. */
export const mapWalkList: ListSubject = {
  name: 'map-walk',
  observes: false,
  create(fixtures) {
    const cache = new MapWalkCache();
    cache.ingest(fixtures.small);
    cache.ingest(fixtures.large);
    const keys = {
      small: fixtures.small.findScenes.scenes.map((s) => `Scene:${s.id}`),
      large: fixtures.large.findScenes.scenes.map((s) => `Scene:${s.id}`),
    };
    return {
      readPath: 'Map.get per key',
      readList(page, fields) {
        const list = keys[page];
        let n = 0;
        for (let i = 0; i < list.length; i++) n += walkMap(list[i], fields, cache.records);
        return n;
      },
      mount() {
        throw new Error('bench: the Map walk has no observers');
      },
      unmountAll() {},
      renameStudio() {},
    };
  },
};
