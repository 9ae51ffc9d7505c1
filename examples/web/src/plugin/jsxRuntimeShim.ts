/**
 * `react/jsx-runtime` for the plugin build: Stash's PluginApi exposes React but no jsx-runtime, so
 * the automatic-runtime calls the compiler emits are served by the host's `React.createElement`.
 */
import { createElement, Fragment, type ElementType } from 'react';

type Props = Record<string, unknown> & { children?: unknown };

function element(type: ElementType, props: Props, key: unknown, spreadChildren: boolean) {
  const { children, ...rest } = props;
  const config: Record<string, unknown> = key === undefined ? rest : { ...rest, key };
  if (children === undefined) return createElement(type, config);
  // `jsxs` children are a static list: passing them as arguments avoids React's missing-key warning.
  if (spreadChildren && Array.isArray(children)) return createElement(type, config, ...(children as never[]));
  return createElement(type, config, children as never);
}

export function jsx(type: ElementType, props: Props, key?: unknown) {
  return element(type, props, key, false);
}

export function jsxs(type: ElementType, props: Props, key?: unknown) {
  return element(type, props, key, true);
}

export { Fragment };
