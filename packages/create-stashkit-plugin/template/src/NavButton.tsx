import { getPluginApi } from '@stashkit/plugin';

/** A link in Stash's navbar, through the host's react-router (a bundled copy would see no Router). */
export function NavButton({ to }: { to: string }) {
  const { Link } = getPluginApi().libraries.ReactRouterDOM;
  return (
    <Link to={to} className="btn __PLUGIN_ID__-nav" title="__PLUGIN_NAME__">
      __PLUGIN_NAME__
    </Link>
  );
}
