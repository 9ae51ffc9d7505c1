/**
 * The part of Stash's `window.PluginApi` the panel uses. The host provides React 17.0.2 and
 * ReactDOM; the plugin build maps `react`/`react-dom` to these, so no second React is bundled.
 */
import type { ComponentType } from 'react';

export interface StashPluginApi {
  React: typeof import('react');
  ReactDOM: typeof import('react-dom');
  register: {
    /** Adds a react-router v5 `<Route path={path} component={component}>` to Stash's routes. */
    route(path: string, component: ComponentType<any>): void;
  };
}

declare global {
  interface Window {
    PluginApi?: StashPluginApi;
  }
}

export function getPluginApi(): StashPluginApi {
  const api = window.PluginApi;
  if (api === undefined || typeof api.register?.route !== 'function') {
    throw new Error(
      'stashkit plugin: window.PluginApi with register.route is missing (load this script inside Stash)',
    );
  }
  return api;
}
