/**
 * `PluginApi.libraries`: the UI's own module instances (react-router-dom 5, react-bootstrap 1.6,
 * @apollo/client 3, react-intl 6, Font Awesome 6, Mousetrap, react-select 5). Use these rather than
 * bundling a copy: a copy has its own contexts (Router, ApolloProvider, IntlProvider) and sees none
 * of the host's. They are typed loosely so this package needs none of them installed; see
 * `hostLibrary<T>()` for full types from the packages you install as devDependencies.
 */
import type { ComponentType } from 'react';
import type { HostApolloClient } from './hostApollo';

export type HostModule = { readonly [member: string]: any };

export interface HostApolloModule extends HostModule {
  useApolloClient(): HostApolloClient;
  ApolloProvider: ComponentType<{ client: HostApolloClient; children?: unknown }>;
  gql(literals: TemplateStringsArray, ...placeholders: unknown[]): import('graphql').DocumentNode;
}

export interface HostLibraries {
  ReactRouterDOM: HostModule;
  Bootstrap: HostModule;
  Apollo: HostApolloModule;
  Intl: HostModule;
  FontAwesomeRegular: HostModule;
  FontAwesomeSolid: HostModule;
  FontAwesomeBrands: HostModule;
  /** `@fortawesome/react-fontawesome` (develop after v0.30.1). */
  ReactFontAwesome?: HostModule;
  Mousetrap: HostModule;
  MousetrapPause: (mousetrap: unknown) => unknown;
  ReactSelect: HostModule;
}

export type HostLibraryName = keyof HostLibraries;
