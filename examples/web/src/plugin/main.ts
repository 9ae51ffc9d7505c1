/** Entry of the plugin bundle (a classic IIFE script Stash loads before it renders its routes). */
import '../styles.css';
import { getPluginApi } from './pluginApi';
import { PluginPanel } from './PluginPanel';

export const PLUGIN_ROUTE = '/plugin/stashkit';

getPluginApi().register.route(PLUGIN_ROUTE, PluginPanel);
