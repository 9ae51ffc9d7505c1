/** Where the e2e step finds the builds (made by e2e/run.mjs) and puts its screenshots. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const APP_DIST = `${WEB_DIR}dist/app`;
export const PLUGIN_DIST = `${WEB_DIR}dist/plugins/stashkit`;
export const STORYBOOK_DIST = `${WEB_DIR}storybook-static`;
export const SCREENSHOTS = `${WEB_DIR}e2e/screenshots`;

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return `${SCREENSHOTS}/${name}.png`;
}
