import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockStash } from '../src/index';
import { data, startTestStash, type TestStash } from './helpers';

const UI = fileURLToPath(new URL('./fixtures/ui', import.meta.url));
const PLUGINS = fileURLToPath(new URL('./fixtures/plugins', import.meta.url));

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('--ui: serving a Stash UI build', () => {
  let stash: TestStash;
  let origin: string;
  beforeAll(async () => {
    stash = await startTestStash({ size: 20, ui: UI, plugins: PLUGINS });
    origin = new URL(stash.url).origin;
  });
  afterAll(() => stash.close());

  it('answers every extension-less path with index.html, %COLOR% and <base href> rewritten', async () => {
    for (const path of ['/', '/index.html', '/scenes', '/scenes/12', '/settings?tab=plugins']) {
      const page = await get(`${origin}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.text).toContain('<base href="/" />');
      expect(page.text).toContain('<meta name="theme-color" content="#202b33" />');
    }
    const prefixed = await get(`${origin}/scenes`, { 'X-Forwarded-Prefix': '/stash/' });
    expect(prefixed.text).toContain('<base href="/stash/" />');
  });

  it('sends Stash page security headers with the enabled plugins sources', async () => {
    const page = await get(`${origin}/`);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain(
      "script-src 'self' http://www.gstatic.com https://www.gstatic.com 'unsafe-inline' 'unsafe-eval' https://cdn.example.com/extra.js;",
    );
    expect(csp).toContain("connect-src data: 'self' ws: wss:;");
    expect(csp.endsWith("worker-src blob:; child-src 'none'; object-src 'none'; form-action 'self';")).toBe(
      true,
    );
    // files are not pages
    expect((await get(`${origin}/assets/app.js`)).headers.get('content-security-policy')).toBeNull();
  });

  it('serves the build files: /assets cached for a year, .gz-only files gzip or decompressed', async () => {
    const js = await get(`${origin}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // node's fetch accepts gzip and decodes it
    const css = await get(`${origin}/assets/app.css`);
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect(css.text).toBe('body {\n  background: rgb(1, 2, 3);\n}\n');
    const plain = await fetch(`${origin}/assets/app.css`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('body {\n  background: rgb(1, 2, 3);\n}\n');
    expect(await get(`${origin}/assets/missing.js`)).toMatchObject({
      status: 404,
      text: '404 page not found\n',
    });
    expect((await get(`${origin}/%2e%2e/package.json`)).status).toBe(404);
  });

  it('keeps /graphql, the plugin and media routes, and answers /css, /javascript, /customlocales', async () => {
    expect((await data(stash.url, 'query V { version { version } }')).version).toBeTruthy();
    expect((await get(`${origin}/plugin/hello/css`)).text).toContain('#hello-plugin');
    expect((await get(`${origin}/performer/1/image`)).headers.get('content-type')).toBe('image/svg+xml');
    expect(await get(`${origin}/css`)).toMatchObject({ status: 200, text: '' });
    expect((await get(`${origin}/css`)).headers.get('content-type')).toBe('text/css');
    expect((await get(`${origin}/javascript`)).headers.get('content-type')).toBe('text/javascript');
    const locales = await get(`${origin}/customlocales`);
    expect([locales.text, locales.headers.get('content-type')]).toEqual(['{}', 'application/json']);
  });
});

describe('--ui checks', () => {
  it('refuses a folder without index.html, naming it', async () => {
    await expect(startMockStash({ port: 0, ui: PLUGINS })).rejects.toThrow(
      `MockStash: UI folder ${PLUGINS} has no index.html (build the Stash UI first)`,
    );
  });

  it('without --ui, pages are 404 as before, while /css and friends answer', async () => {
    const stash = await startTestStash({ size: 20 });
    const origin = new URL(stash.url).origin;
    try {
      expect((await get(`${origin}/scenes`)).status).toBe(404);
      expect((await get(`${origin}/customlocales`)).text).toBe('{}');
    } finally {
      await stash.close();
    }
  });

  it('with a key: pages redirect to the login, /assets and /css are open', async () => {
    const stash = await startTestStash({ size: 20, ui: UI, apiKey: 'k' });
    const origin = new URL(stash.url).origin;
    try {
      expect((await get(`${origin}/scenes`)).headers.get('location')).toBe('/login?returnURL=%2Fscenes');
      expect((await get(`${origin}/assets/app.js`)).status).toBe(200);
      expect((await get(`${origin}/css`)).status).toBe(200);
      expect((await get(`${origin}/javascript`)).status).toBe(302);
      expect((await get(`${origin}/scenes?apikey=k`)).status).toBe(200);
    } finally {
      await stash.close();
    }
  });
});
