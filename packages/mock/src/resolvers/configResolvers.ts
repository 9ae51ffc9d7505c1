import { setNested } from '../config/jsonMaps';
import type { ResolverContext } from './context';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

/** True when the mock's folder tree has a folder at this path (Stash stats the file system). */
function folderExists(ctx: ResolverContext, path: string): boolean {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const folder of ctx.db.table('Folder').values()) if (folder.path === clean) return true;
  return false;
}

/** `configuration`: every section from the instance's MockConfig; `plugins(include)` is a field of the result. */
export const configQueries: Record<string, Resolver> = {
  configuration: (_, _a, ctx) => {
    const c = ctx.config;
    return {
      general: structuredClone(c.general),
      interface: structuredClone(c.interface),
      dlna: structuredClone(c.dlna),
      scraping: structuredClone(c.scraping),
      defaults: structuredClone(c.defaults),
      ui: c.configureUI(null, null),
      plugins: (a: { include?: string[] | null }) => c.plugins(a.include),
    };
  },
};

/** The `configure*` mutations, as Stash's resolver_mutation_configure.go applies them. */
export const configMutations: Record<string, Resolver> = {
  configureGeneral: (_, a, ctx) => ctx.config.configureGeneral(a.input ?? {}, (p) => folderExists(ctx, p)),
  configureInterface: (_, a, ctx) => ctx.config.configureInterface(a.input ?? {}),
  configureDLNA: (_, a, ctx) => {
    const result = ctx.config.configureDLNA(a.input ?? {});
    // Stash's RefreshDLNA: a changed default starts or stops the service
    if (a.input?.enabled != null) ctx.dlna.refresh(result.enabled, ctx.runtime.clock.now());
    return result;
  },
  configureScraping: (_, a, ctx) => ctx.config.configureScraping(a.input ?? {}),
  configureDefaults: (_, a, ctx) => ctx.config.configureDefaults(a.input ?? {}),
  configureUI: (_, a, ctx) => ctx.config.configureUI(a.input, a.partial),
  configureUISetting: (_, a, ctx) => ctx.config.configureUISetting(a.key, a.value ?? null),
  configurePlugin: (_, a, ctx) => ctx.config.setPluginSettings(a.plugin_id, a.input ?? {}),
  generateAPIKey: (_, a, ctx) => ctx.config.generateAPIKey(a.input?.clear === true),
  // Deprecated: Stash writes the whole input to `ui.defaultFilters.<mode>`, or deletes it when all three are null.
  setDefaultFilter: (_, a, ctx) => {
    const mode = String(a.input.mode).toLowerCase();
    const ui = ctx.config.configureUI(null, null);
    const { find_filter, object_filter, ui_options } = a.input;
    if (find_filter == null && object_filter == null && ui_options == null) {
      const filters = ui.defaultFilters;
      if (filters && typeof filters === 'object' && Object.hasOwn(filters, mode)) {
        delete (filters as Record<string, unknown>)[mode];
      }
    } else {
      setNested(ui, `defaultFilters.${mode}`, {
        mode: a.input.mode,
        find_filter: find_filter ?? null,
        object_filter: object_filter ?? null,
        ui_options: ui_options ?? null,
      });
    }
    ctx.config.configureUI(ui, null);
    return true;
  },
};
