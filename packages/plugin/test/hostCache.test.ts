// The host page's Apollo client and module, as this package types them (PluginApi), fit
// @stashkit/core/host's connectHostCache; outside a Stash page the bridge is inactive.
import { connectHostCache } from '@stashkit/core/host';
import { describe, expect, it } from 'vitest';
import { createHostStore, type StashPluginApi } from '../src/index';

describe('connectHostCache on the PluginApi types', () => {
  it('takes PluginApi.utils.StashService.getClient() and PluginApi.libraries.Apollo as typed here', () => {
    const wire = (api: StashPluginApi) =>
      connectHostCache(createHostStore({ baseURI: 'http://stash.test/' }), {
        client: api.utils.StashService.getClient(),
        apollo: api.libraries.Apollo,
      });
    expect(typeof wire).toBe('function');
  });

  it('is inactive without window.PluginApi', () => {
    const bridge = connectHostCache(createHostStore({ baseURI: 'http://stash.test/' }));
    expect(bridge.active).toBe(false);
    bridge.dispose();
  });
});
