/**
 * The `react/jsx-runtime` (and `jsx-dev-runtime`) a plugin build gets: Stash's PluginApi exposes
 * React but no jsx-runtime, so the compiler's automatic-runtime calls go to the host's
 * `React.createElement` (`react` is `PluginApi.React` in the bundle). Served as a virtual module.
 */
export const JSX_RUNTIME_ID = '\0stashkit-plugin:jsx-runtime';

export const JSX_RUNTIME_SOURCE = `import { createElement, Fragment } from 'react';
function element(type, props, key, staticChildren) {
  var config = {};
  for (var name in props) if (name !== 'children' && Object.prototype.hasOwnProperty.call(props, name)) config[name] = props[name];
  if (key !== undefined) config.key = key;
  var children = props.children;
  if (children === undefined) return createElement(type, config);
  // jsxs children are a static list: spread as arguments so React does not ask for keys.
  if (staticChildren && Array.isArray(children)) return createElement.apply(null, [type, config].concat(children));
  return createElement(type, config, children);
}
export function jsx(type, props, key) { return element(type, props, key, false); }
export function jsxs(type, props, key) { return element(type, props, key, true); }
export function jsxDEV(type, props, key, isStatic) { return element(type, props, key, isStatic); }
export { Fragment };
`;
