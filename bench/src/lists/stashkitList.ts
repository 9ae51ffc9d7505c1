import { createStashStore, EntityObserver, type StashEntityStore } from '@stashkit/core';
import type { Fixtures } from '../fixtures/loadFixtures';
import { selectionSpecs, walkPlain } from '../fixtures/sceneSelection';
import { CARD_SPECS } from './cardSelection';
import type { ListSubject } from './listSubject';

// Never contacted: everything read is cached (a request would fail loudly on port 9).
const UNUSED_URL = 'http://127.0.0.1:9/graphql';

/** A store holding both pages, and each page's scene ids in order. */
function loadedStore(fixtures: Fixtures) {
  const store: StashEntityStore = createStashStore({ url: UNUSED_URL });
  store.ingest('Scene', fixtures.small.findScenes.scenes);
  store.ingest('Scene', fixtures.large.findScenes.scenes);
  const ids = {
    small: fixtures.small.findScenes.scenes.map((s) => s.id),
    large: fixtures.large.findScenes.scenes.map((s) => s.id),
  };
  return { store, ids };
}

/** The selection reader (issue 9), where this core has it. */
type ReadEntity = (
  typename: string,
  id: string,
  specs: readonly string[] | undefined,
) => { data?: unknown } | null;

/**
 * `@stashkit/core`: both pages ingested; the list read item by item through `store.readEntity`
 * (selection-shaped plain data, what the observers hand out) where the core has it, else
 * `getCached` (live snapshots, links through getters); cards are core `EntityObserver`s.
 */
export const stashkitList: ListSubject = {
  name: 'stashkit',
  observes: true,
  create(fixtures) {
    const { store, ids } = loadedStore(fixtures);
    const readEntity = (store as unknown as { readEntity?: ReadEntity }).readEntity?.bind(store);
    let specs: readonly string[] | undefined;
    const observers: { off(): void }[] = [];
    return {
      readPath:
        readEntity !== undefined ? 'readEntity per id (selection data)' : 'getCached per id (live snapshots)',
      readList(page, fields) {
        const list = ids[page];
        let n = 0;
        if (readEntity === undefined) {
          for (let i = 0; i < list.length; i++) n += walkPlain(store.getCached('Scene', list[i]), fields);
          return n;
        }
        // Frozen, like the observers' spec lists (the parsed tree is then found by the array alone).
        specs ??= Object.freeze(selectionSpecs(fields));
        for (let i = 0; i < list.length; i++)
          n += walkPlain(readEntity('Scene', list[i], specs)!.data, fields);
        return n;
      },
      mount(id, render) {
        const observer = new EntityObserver(store, { type: 'Scene', id, fields: CARD_SPECS, enabled: false });
        render(observer.getResult().data);
        const off = observer.subscribe(() => render(observer.getResult().data));
        observers.push({ off });
      },
      unmountAll() {
        for (const o of observers.splice(0)) o.off();
      },
      renameStudio(id, name) {
        store.ingest('Studio', { __typename: 'Studio', id, name });
      },
    };
  },
};

// Not the memoized result of any read: every read walks the records and builds new data.
const FOREIGN_PREVIOUS = Object.freeze({});

/**
 * The same reads with the memo out of play (`previous` is an object no read returned): each read
 * walks every record of the selection and builds new plain data, as the first read after a write
 * to every scene of the list would (without the write's own cost). Read metrics only.
 */
export const stashkitFullReadList: ListSubject = {
  name: 'stashkit-full',
  observes: false,
  create(fixtures) {
    const { store, ids } = loadedStore(fixtures);
    let specs: readonly string[] | undefined;
    return {
      readPath: 'readEntity per id, memo skipped (a full walk building new selection data)',
      readList(page, fields) {
        const list = ids[page];
        specs ??= Object.freeze(selectionSpecs(fields));
        let n = 0;
        for (let i = 0; i < list.length; i++)
          n += walkPlain(
            store.readEntity('Scene', list[i], specs, { previous: FOREIGN_PREVIOUS })!.data,
            fields,
          );
        return n;
      },
      mount() {
        throw new Error('bench: stashkit-full runs the read metrics only');
      },
      unmountAll() {},
      renameStudio() {},
    };
  },
};
