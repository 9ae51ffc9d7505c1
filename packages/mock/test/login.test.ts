import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gql, startTestStash, type TestStash } from './helpers';

const UI = fileURLToPath(new URL('./fixtures/ui', import.meta.url));

let stash: TestStash;
let origin: string;
beforeAll(async () => {
  stash = await startTestStash({ size: 10, ui: UI, apiKey: 'secret-key' });
  origin = new URL(stash.url).origin;
});
afterAll(() => stash.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { headers, redirect: 'manual' });
const login = (form: Record<string, string>) =>
  fetch(`${origin}/login`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
/** The status of a websocket upgrade on /graphql (101 when it opened). */
function upgrade(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(stash.wsUrl, 'graphql-transport-ws', { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => undefined);
  });
}
const sessionOf = (response: Response) =>
  /^session=[^;]*/.exec(response.headers.get('set-cookie') ?? '')?.[0];

describe('login with authentication on (--api-key)', () => {
  it('sends a page without a session to the login page, which the mock serves', async () => {
    const page = await get('/scenes?sortby=date');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/login?returnURL=%2Fscenes%3Fsortby%3Ddate');
    const form = await get('/login?returnURL=%2Fscenes');
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toBe('text/html');
    const html = await form.text();
    expect(html).toContain('<input type="hidden" name="returnURL" value="/scenes" />');
    expect(html).toContain('name="password"');
  });

  it('POST /login with a wrong password is 401; with the key it sets a session cookie that authenticates', async () => {
    const wrong = await login({ username: '', password: 'nope' });
    expect([wrong.status, await wrong.text()]).toEqual([401, 'Username or password is invalid\n']);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const ok = await login({ username: 'dev', password: 'secret-key', returnURL: '/scenes' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(
      /^session=[0-9a-f]{32}; Path=\/; Expires=.*; Max-Age=3600; SameSite=Lax$/,
    );
    const cookie = sessionOf(ok)!;

    expect((await get('/scenes', { cookie })).status).toBe(200);
    expect((await get('/scene/1/screenshot', { cookie })).status).toBe(200);
    const answer = await gql(stash.url, 'query V { version { version } }', undefined, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.body.data.version.version).toBeTruthy();
    expect([await upgrade({}), await upgrade({ cookie })]).toEqual([401, 101]);
    // a wrong key still fails, session or not (Stash checks a given key first)
    expect(
      (await gql(stash.url, 'query V { version { version } }', undefined, { cookie, ApiKey: 'x' })).status,
    ).toBe(401);

    const out = await get('/logout', { cookie });
    expect([out.status, out.headers.get('location')]).toEqual([302, '/login']);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await get('/scenes', { cookie })).status).toBe(302);
    expect((await gql(stash.url, 'query V { version { version } }', undefined, { cookie })).status).toBe(401);
  });

  it('also takes the configured username and password; without authentication /login goes straight back', async () => {
    await gql(
      stash.url,
      'mutation Creds { configureGeneral(input: { username: "admin", password: "pw" }) { username } }',
      undefined,
      { ApiKey: 'secret-key' },
    );
    expect((await login({ username: 'admin', password: 'wrong' })).status).toBe(401);
    expect((await login({ username: 'admin', password: 'pw' })).status).toBe(200);

    const open = await startTestStash({ size: 10, ui: UI });
    try {
      const back = await fetch(`${new URL(open.url).origin}/login?returnURL=%2Fscenes`, {
        redirect: 'manual',
      });
      expect([back.status, back.headers.get('location')]).toEqual([302, '/scenes']);
    } finally {
      await open.close();
    }
  });
});
