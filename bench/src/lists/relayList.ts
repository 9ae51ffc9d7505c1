import { createRequire } from 'node:module';
import type * as RelayRuntime from 'relay-runtime';
import { FIND_SCENES_QUERY } from '@stashkit/testkit';
import { walkPlain } from '../fixtures/sceneSelection';
import { relayFragment, relayRequest } from '../relay/relayArtifacts';
import { SCENE_CARD_FRAGMENT } from './cardSelection';
import type { ListSubject } from './listSubject';

// relay-runtime ships CommonJS only; loaded as a bundler-free app would.
const relay = createRequire(import.meta.url)('relay-runtime') as typeof RelayRuntime;

type Request = Parameters<typeof relay.createOperationDescriptor>[0];
type Fragment = Parameters<typeof relay.createReaderSelector>[0];

const request = relayRequest(FIND_SCENES_QUERY) as unknown as Request;
const cardFragment = relayFragment(SCENE_CARD_FRAGMENT) as unknown as Fragment;

interface FindScenesRead {
  findScenes: { scenes: unknown[] };
}

/**
 * relay-runtime's Environment + Store: `commitPayload` of each page, the list read as a `lookup` of the
 * query (a fresh tree per read), cards as `lookup` + `subscribe` of a SceneCard fragment. Stash ids are
 * unique per type only, so data ids are `Type:id` (`getDataID`); objects without an id get client ids.
 */
export const relayList: ListSubject = {
  name: 'relay',
  observes: true,
  create(fixtures) {
    const environment = new relay.Environment({
      network: relay.Network.create(() => {
        throw new Error('bench: relay must not fetch');
      }),
      store: new relay.Store(new relay.RecordSource()),
      getDataID: (value: unknown, typename: string) => {
        const id = (value as { id?: unknown }).id;
        return id === undefined || id === null ? undefined : `${typename}:${String(id)}`;
      },
    } as ConstructorParameters<typeof relay.Environment>[0]);
    const operations = {
      small: relay.createOperationDescriptor(request, fixtures.variables.small),
      large: relay.createOperationDescriptor(request, fixtures.variables.large),
    };
    for (const page of ['small', 'large'] as const) {
      environment.retain(operations[page]);
      environment.commitPayload(operations[page], fixtures[page] as unknown as RelayRuntime.PayloadData);
    }
    const disposables: { dispose(): void }[] = [];
    return {
      readPath: 'lookup of the query (reader over the store)',
      readList(page, fields) {
        const snapshot = environment.lookup(operations[page].fragment);
        if (snapshot.isMissingData) throw new Error('bench: relay is missing data of the list');
        const scenes = (snapshot.data as unknown as FindScenesRead).findScenes.scenes;
        let n = 0;
        for (let i = 0; i < scenes.length; i++) n += walkPlain(scenes[i], fields);
        return n;
      },
      mount(id, render) {
        const selector = relay.createReaderSelector(
          cardFragment,
          `Scene:${id}`,
          {},
          operations.large.request,
        );
        const snapshot = environment.lookup(selector);
        render(snapshot.data);
        disposables.push(environment.subscribe(snapshot, (next) => render(next.data)));
      },
      unmountAll() {
        for (const d of disposables.splice(0)) d.dispose();
      },
      renameStudio(id, name) {
        environment.commitUpdate((store) => {
          store.get(`Studio:${id}`)!.setValue(name, 'name');
        });
      },
    };
  },
};
