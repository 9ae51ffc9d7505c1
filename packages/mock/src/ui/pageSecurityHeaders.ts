import type { PluginRegistry } from '../plugins/PluginRegistry';

const isUrl = (s: string) => s.startsWith('http://') || s.startsWith('https://');

/**
 * Stash's setPageSecurityHeaders for UI pages: the Content-Security-Policy with every enabled plugin's
 * external scripts and styles and its `ui.csp` sources, so a plugin meets the same policy as in Stash.
 */
export function pageSecurityHeaders(plugins: PluginRegistry | null): Record<string, string> {
  const connect = ['data:', "'self'", 'ws:', 'wss:'];
  const script = [
    "'self'",
    'http://www.gstatic.com',
    'https://www.gstatic.com',
    "'unsafe-inline'",
    "'unsafe-eval'",
  ];
  const style = ["'self'", "'unsafe-inline'"];
  for (const plugin of plugins?.list() ?? []) {
    if (!plugins!.enabled(plugin.id)) continue;
    const ui = plugin.manifest.ui;
    script.push(...plugins!.uiFiles(plugin, 'javascript').external.filter(isUrl));
    style.push(...plugins!.uiFiles(plugin, 'css').external.filter(isUrl));
    connect.push(...(ui?.csp?.['connect-src'] ?? []));
    script.push(...(ui?.csp?.['script-src'] ?? []));
    style.push(...(ui?.csp?.['style-src'] ?? []));
  }
  const policy =
    `default-src data: 'self' 'unsafe-inline'; connect-src ${connect.join(' ')}; img-src data: *; ` +
    `script-src ${script.join(' ')}; style-src ${style.join(' ')}; media-src blob: 'self'; ` +
    "worker-src blob:; child-src 'none'; object-src 'none'; form-action 'self';";
  return { 'Referrer-Policy': 'same-origin', 'Content-Security-Policy': policy };
}
