// Stash loads this script (dist/__PLUGIN_ID__/__PLUGIN_ID__.js) before it renders its routes.
import { connectHostCache, definePlugin } from '@stashkit/plugin';
import { NavButton } from './NavButton';
import { Panel } from './Panel';
import './panel.css';

export const ROUTE = '/plugin/__PLUGIN_ID__';

definePlugin({
  id: '__PLUGIN_ID__',
  // The page at <stash>/plugin/__PLUGIN_ID__, inside a StashProvider on the page's own /graphql and session.
  routes: { [ROUTE]: Panel },
  // Saves here update Stash's own pages (its Apollo cache); edits made in Stash's UI refresh the panel.
  hostCache: connectHostCache,
  // Finished scans and other jobs refresh what they can change (Stash's websocket, the page's session).
  live: true,
  // A button next to Stash's settings icons that opens it.
  patches: {
    before: {
      'MainNavBar.UtilityItems': (props: { children?: unknown }) => [
        {
          ...props,
          children: (
            <>
              {props.children}
              <NavButton to={ROUTE} />
            </>
          ),
        },
      ],
    },
  },
});
