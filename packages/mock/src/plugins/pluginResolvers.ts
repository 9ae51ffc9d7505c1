import type { ResolverContext } from '../resolvers/context';
import type { JobSpec } from '../jobs/JobManager';
import type { LoadedPlugin, PluginRegistry } from './PluginRegistry';

type Resolver = (source: unknown, args: any, ctx: ResolverContext) => unknown;

/** A list Stash builds by appending to a nil slice: null when empty. */
const orNull = <T>(list: T[]): T[] | null => (list.length > 0 ? list : null);

/** `Plugin.paths`: external URLs first, then the plugin's own route, when it has any file of that kind. */
function uiPaths(
  registry: PluginRegistry,
  plugin: LoadedPlugin,
  baseUrl: string,
  kind: 'javascript' | 'css',
) {
  const { local, external } = registry.uiFiles(plugin, kind);
  if (local.length === 0 && external.length === 0) return null;
  return [...external, `${baseUrl}/plugin/${plugin.id}/${kind}`];
}

/** The GraphQL `Plugin` of a loaded manifest; nested tasks and hooks carry no plugin, as in Stash. */
function toPlugin(registry: PluginRegistry, plugin: LoadedPlugin, baseUrl: string) {
  const m = plugin.manifest;
  return {
    id: plugin.id,
    name: m.name || plugin.id,
    description: m.description ?? null,
    url: m.url ?? null,
    version: m.version ?? null,
    enabled: registry.enabled(plugin.id),
    tasks: orNull(
      (m.tasks ?? []).map((t) => ({ name: t.name ?? '', description: t.description ?? '', plugin: null })),
    ),
    hooks: orNull(
      (m.hooks ?? []).map((h) => ({
        name: h.name ?? '',
        description: h.description ?? '',
        hooks: orNull(h.triggeredBy ?? []),
        plugin: null,
      })),
    ),
    settings: Object.keys(m.settings ?? {})
      .sort()
      .map((name) => {
        const s = m.settings![name] ?? {};
        return {
          name,
          display_name: s.displayName ?? '',
          description: s.description ?? '',
          type: s.type || 'STRING',
        };
      }),
    requires: m.ui?.requires ?? null,
    paths: {
      javascript: uiPaths(registry, plugin, baseUrl, 'javascript'),
      css: uiPaths(registry, plugin, baseUrl, 'css'),
    },
  };
}

/** Why Stash's CreateTask would refuse this plugin and task, or null. */
function taskProblem(registry: PluginRegistry, pluginId: string, taskName: string | null): string | null {
  if (!registry.enabled(pluginId)) return `plugin ${pluginId} is disabled`;
  const plugin = registry.get(pluginId);
  if (!plugin) return `no plugin with ID ${pluginId}`;
  if (taskName !== null && !(plugin.manifest.tasks ?? []).some((t) => t.name === taskName)) {
    return `no task with name ${taskName} in plugin ${plugin.manifest.name || plugin.id}`;
  }
  return null;
}

/** What `runPluginTask` queues: the mock runs no plugin code, so the job only progresses and finishes. */
function pluginTaskJob(ctx: ResolverContext, pluginId: string, taskName: string | null, description: string) {
  const registry = ctx.runtime.plugins;
  const spec: JobSpec = {
    description,
    subTask: () => null,
    // Stash resolves the plugin and task when the job starts: a bad one fails the job, not the mutation.
    start: () => {
      const problem = taskProblem(registry, pluginId, taskName);
      if (problem === null) return;
      const message = `Error creating plugin task: ${problem}`;
      ctx.runtime.log.add('Error', `task failed due to error: ${message}`);
      throw new Error(message);
    },
    cancelled: () => ctx.runtime.log.info('Stopping due to user request'),
  };
  return spec;
}

/** `plugins` and `pluginTasks` (only enabled plugins' tasks, each with its plugin). */
export const pluginQueries: Record<string, Resolver> = {
  plugins: (_, _a, ctx) => {
    const registry = ctx.runtime.plugins;
    return orNull(registry.list().map((p) => toPlugin(registry, p, ctx.baseUrl)));
  },
  pluginTasks: (_, _a, ctx) => {
    const registry = ctx.runtime.plugins;
    const tasks = registry
      .list()
      .filter((p) => registry.enabled(p.id))
      .flatMap((p) => {
        const plugin = toPlugin(registry, p, ctx.baseUrl);
        return (plugin.tasks ?? []).map((t) => ({ ...t, plugin }));
      });
    return orNull(tasks);
  },
};

interface RunPluginTaskArgs {
  plugin_id: string;
  task_name?: string | null;
  description?: string | null;
}

/** `setPluginsEnabled`, `reloadPlugins` and `runPluginTask` (a simulated job, as Stash's job queue shows it). */
export const pluginMutations: Record<string, Resolver> = {
  setPluginsEnabled: (_, { enabledMap }: { enabledMap: Record<string, boolean> }, ctx) => {
    ctx.runtime.plugins.setEnabled(enabledMap);
    return true;
  },
  reloadPlugins: (_, _a, ctx) => {
    ctx.runtime.plugins.reload();
    return true;
  },
  runPluginTask: (_, args: RunPluginTaskArgs, ctx) => {
    const taskName = args.task_name ?? null;
    const shown = args.description ?? taskName ?? args.plugin_id;
    return ctx.runtime.jobs.add(
      pluginTaskJob(ctx, args.plugin_id, taskName, `Running plugin task: ${shown}`),
    );
  },
};
