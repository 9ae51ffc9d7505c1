import { useState } from 'react';
import { createStashStore } from '@stashkit/core';
import { App } from '../app/App';
import { graphqlUrl } from '../app/graphqlUrl';

/**
 * The page Stash shows at /plugin/stashkit. Requests go same-origin to `<base href>graphql`, so the
 * browser's session cookie authenticates them (no ApiKey header) and a path prefix keeps working.
 */
export function PluginPanel() {
  const [store] = useState(() => createStashStore({ url: graphqlUrl() }));
  return (
    <div className="sk-plugin" data-testid="stashkit-plugin">
      <App store={store} title="stashkit panel" />
    </div>
  );
}
