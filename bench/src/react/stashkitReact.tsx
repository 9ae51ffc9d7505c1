import { createStashStore } from '@stashkit/core';
import { StashProvider, useEntity } from '@stashkit/react';
import { renderCounter, type ReactSetup, type ReactSubject } from './reactSubject';

// Never contacted: every mounted scene already has its title, so useEntity has nothing to fetch.
const UNUSED_URL = 'http://127.0.0.1:9/graphql';

/** `@stashkit/react`'s `useEntity` under `StashProvider`, over a store that ingested the page. */
export const stashkitReactSubject: ReactSubject = {
  name: 'stashkit useEntity',
  setup(page): ReactSetup {
    const store = createStashStore({ url: UNUSED_URL });
    store.ingest('Scene', page.findScenes.scenes);

    function Item({ id }: { id: string }) {
      const { data } = useEntity('Scene', id, { fields: ['title'] });
      renderCounter.count++;
      return <li>{data?.title}</li>;
    }

    return {
      Provider: ({ children }) => <StashProvider store={store}>{children}</StashProvider>,
      Item,
      update(id, title) {
        store.ingest('Scene', { __typename: 'Scene', id, title });
      },
      check() {
        if (store.requestCount !== 0) throw new Error(`bench: stashkit sent ${store.requestCount} requests`);
      },
    };
  },
};
