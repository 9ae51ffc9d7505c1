/**
 * `window.PluginApi` as Stash's UI builds it (ui/v2.5/src/pluginApi.tsx of Stash develop after v0.30.1),
 * typed: the host's React 17.0.2 and ReactDOM, the generated GraphQL module, the UI libraries,
 * `register`, `patch`, `components`, `loadableComponents`, `hooks`, `utils` and `Event`.
 */
import type { ComponentType, ReactElement, ReactNode, ReactPortal } from 'react';
import type { KnownPatchableName, PatchableName } from './componentNames';
import type { StashGQLModule } from './StashGQLModule';
import type { HostLibraries } from './HostLibraries';
import type { StashServiceModule } from './StashServiceModule';

/** The host's ReactDOM 17 (typed here: @types/react-dom 18+ no longer declares `render`). */
export interface HostReactDOM {
  readonly version: string;
  render(element: ReactElement, container: Element | DocumentFragment, callback?: () => void): void;
  hydrate(element: ReactElement, container: Element | DocumentFragment, callback?: () => void): void;
  unmountComponentAtNode(container: Element | DocumentFragment): boolean;
  createPortal(children: ReactNode, container: Element | DocumentFragment, key?: string | null): ReactPortal;
  findDOMNode(instance: unknown): Element | Text | null;
  flushSync<R>(fn: () => R): R;
  unstable_batchedUpdates<R>(fn: () => R): R;
}

/** `before`: gets the arguments (a component's props first) and returns the arguments to pass on. */
export type BeforePatch = (...args: any[]) => any[];
/** `instead`: gets the arguments plus `next` (the next replacement or the original) as the last one. */
export type InsteadPatch = (...args: any[]) => any;
/** `after`: gets the arguments plus the original's result as the last one, and returns the new result. */
export type AfterPatch = (...args: any[]) => any;

export interface PluginPatchApi {
  before(name: PatchableName, fn: BeforePatch): void;
  instead(name: PatchableName, fn: InsteadPatch): void;
  after(name: PatchableName, fn: AfterPatch): void;
}

export interface PluginRegisterApi {
  /** Adds a react-router v5 `<Route path={path} component={component}>` inside Stash's `PluginRoutes`. */
  route(path: string, component: ComponentType<any>): void;
  /** Adds `component` to `PluginApi.components` under `name`; a production UI throws on a taken name. */
  component<T extends (...args: any[]) => any>(name: string, component: T): T;
}

/** A lazy import of part of Stash's UI; load it before reading the components it defines. */
export type LoadableComponent = () => Promise<unknown>;

export type KnownLoadableComponent =
  | 'Performers'
  | 'FrontPage'
  | 'Scenes'
  | 'Settings'
  | 'Stats'
  | 'Studios'
  | 'Galleries'
  | 'Groups'
  | 'Tags'
  | 'Images'
  | 'SubmitStashBoxDraft'
  | 'GenerateDialog'
  | 'ScenePlayer'
  | 'GalleryViewer'
  | 'DeleteScenesDialog'
  | 'SceneList'
  | 'SceneMarkerList'
  | 'Scene'
  | 'SceneCreate'
  | 'ExternalPlayerButton'
  | 'QueueViewer'
  | 'SceneMarkersPanel'
  | 'SceneFileInfoPanel'
  | 'SceneDetailPanel'
  | 'SceneHistoryPanel'
  | 'SceneGroupPanel'
  | 'SceneGalleriesPanel'
  | 'SceneVideoFilterPanel'
  | 'SceneScrapeDialog'
  | 'SceneQueryModal'
  | 'LightboxComponent'
  | 'SceneCard'
  | 'PerformerSelect'
  | 'TagLink'
  | 'PerformerCard';

export interface SpriteInfo {
  url: string;
  start: number;
  end: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ToastApi {
  toast(options: { content: ReactNode; variant?: string; delay?: number }): void;
  success(message: ReactElement | string): void;
  error(error: unknown): void;
}

/** `useSettings()`: Stash's configuration context (the `configuration` query's sections). */
export interface SettingsContext {
  loading: boolean;
  error: unknown;
  general: any;
  interface: any;
  defaults: any;
  scraping: any;
  dlna: any;
  ui: any;
  plugins: Record<string, Record<string, unknown>> | undefined;
  advancedMode: boolean;
  /** The server's API key; never log it or put it in a URL you show. */
  apiKey: string;
  saveGeneral(input: Record<string, unknown>): void;
  saveInterface(input: Record<string, unknown>): void;
  saveDefaults(input: Record<string, unknown>): void;
  saveScraping(input: Record<string, unknown>): void;
  saveDLNA(input: Record<string, unknown>): void;
  saveUI(input: Record<string, unknown>): void;
  savePluginSettings(pluginID: string, input: Record<string, unknown>): void;
  setAdvancedMode(value: boolean): void;
  refetch(): void;
}

export interface PluginHooks {
  /** True while the given `loadableComponents` load. */
  useLoadComponents(components: LoadableComponent[]): boolean;
  useSpriteInfo(vttPath: string | undefined): SpriteInfo[] | undefined;
  useToast(): ToastApi;
  useSettings(): SettingsContext;
  useInteractive(): any;
  /** Returns a function opening the lightbox on `state` (images, index, ...). */
  useLightbox(state: Record<string, unknown>, chapters?: unknown[]): (index?: number) => void;
  useGalleryLightbox(galleryId: string, chapters?: unknown[]): (index?: number) => void;
}

export interface NavUtilsModule {
  makePerformerScenesUrl(...args: any[]): string;
  makePerformerImagesUrl(...args: any[]): string;
  makePerformerGalleriesUrl(...args: any[]): string;
  makePerformerGroupsUrl(...args: any[]): string;
  makePerformersCountryUrl(...args: any[]): string;
  makeStudioScenesUrl(...args: any[]): string;
  makeStudioImagesUrl(...args: any[]): string;
  makeStudioGalleriesUrl(...args: any[]): string;
  makeStudioGroupsUrl(...args: any[]): string;
  makeStudioPerformersUrl(...args: any[]): string;
  makeTagUrl(...args: any[]): string;
  makeParentTagsUrl(...args: any[]): string;
  makeChildTagsUrl(...args: any[]): string;
  makeTagSceneMarkersUrl(...args: any[]): string;
  makeTagScenesUrl(...args: any[]): string;
  makeTagPerformersUrl(...args: any[]): string;
  makeTagGalleriesUrl(...args: any[]): string;
  makeTagImagesUrl(...args: any[]): string;
  makeScenesPHashMatchUrl(...args: any[]): string;
  makeSceneMarkerUrl(...args: any[]): string;
  makeGroupScenesUrl(...args: any[]): string;
  makeChildStudiosUrl(...args: any[]): string;
  makeGalleryImagesUrl(...args: any[]): string;
  readonly [name: string]: unknown;
}

export interface PluginUtils {
  NavUtils: NavUtilsModule;
  StashService: StashServiceModule;
  /** Funscript/device client provider and the player (`getPlayer()`), see Stash's manual. */
  InteractiveUtils: {
    interactiveClientProvider: unknown;
    getPlayer(): unknown;
    readonly [name: string]: unknown;
  };
  loadComponents(components: LoadableComponent[]): Promise<void>;
}

/** What `stash:location` carries: the router location after every navigation. */
export interface StashLocationDetail {
  event: 'stash:location';
  data: { location: { pathname: string; search: string; hash: string; state?: unknown; key?: string } };
}

/** `PluginApi.Event`: an EventTarget; Stash dispatches `stash:<event>[:<id>]` CustomEvents on it. */
export interface StashEventTarget extends EventTarget {
  dispatch(event: string, id?: string, data?: object): void;
}

/** Components registered by the UI or by plugins; entries appear once the code defining them loaded. */
export type PluginComponents = { readonly [K in KnownPatchableName]?: ComponentType<any> } & {
  readonly [name: string]: ((...args: any[]) => any) | undefined;
};

export interface StashPluginApi {
  /** The host's React (17.0.2 in Stash develop after v0.30.1). */
  React: typeof import('react');
  ReactDOM: HostReactDOM;
  /** Stash's generated GraphQL module: documents, Apollo hooks, enums. */
  GQL: StashGQLModule;
  libraries: HostLibraries;
  register: PluginRegisterApi;
  loadableComponents: { readonly [K in KnownLoadableComponent]: LoadableComponent } & {
    readonly [name: string]: LoadableComponent | undefined;
  };
  components: PluginComponents;
  utils: PluginUtils;
  hooks: PluginHooks;
  patch: PluginPatchApi;
  Event: StashEventTarget;
}

declare global {
  interface Window {
    /** Set by Stash's UI before it loads plugin scripts; absent on any other page. */
    PluginApi?: StashPluginApi;
  }
}
