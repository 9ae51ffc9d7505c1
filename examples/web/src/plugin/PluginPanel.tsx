import { useState } from 'react';
import { createHostStore } from '@stashkit/plugin';
import { App } from '../app/App';

/**
 * The page Stash shows at /plugin/stashkit. The host store asks `<base href>graphql` same-origin, so
 * the browser's session cookie authenticates it (no ApiKey header) and a path prefix keeps working.
 */
export function PluginPanel() {
  const [store] = useState(() => createHostStore());
  return (
    <div className="sk-plugin" data-testid="stashkit-plugin">
      <App store={store} title="stashkit panel" />
    </div>
  );
}
