/** Entry of the plugin bundle (a classic IIFE script Stash loads before it renders its routes). */
import '../styles.css';
import { definePlugin } from '@stashkit/plugin';
import { PluginPanel } from './PluginPanel';

export const PLUGIN_ROUTE = '/plugin/stashkit';

// The panel makes its own store (App wraps it in a StashProvider), so definePlugin adds none.
definePlugin({ id: 'stashkit', store: false, routes: { [PLUGIN_ROUTE]: PluginPanel } });
