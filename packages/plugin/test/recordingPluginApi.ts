/**
 * A recording `window.PluginApi` for definePlugin's tests (the real host runs in Chromium, in
 * examples/web's e2e): every register/patch call is pushed to `calls`; a patch returns its component.
 */
export type Call = [string, ...unknown[]];

export function installRecordingPluginApi(): Call[] {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return args[1];
    };
  window.PluginApi = {
    React: {},
    Event: new EventTarget(),
    register: { route: record('route'), component: record('component') },
    patch: { before: record('before'), instead: record('instead'), after: record('after') },
  } as never;
  return calls;
}
