import type { MockConfig } from '../config/MockConfig';
import type { CoreRequest } from '../server/MockStashCore';
import type { MockSessions } from '../server/MockSessions';
import { httpError, staticContent, type HttpAnswer } from '../server/staticContent';
import { pageSecurityHeaders } from './pageSecurityHeaders';

/** The proxy prefix of a request (`X-Forwarded-Prefix`, no trailing slash). */
const prefixOf = (req: CoreRequest) => (req.header('x-forwarded-prefix') ?? '').replace(/\/+$/, '');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The mock's own login page (Stash's is part of its UI build, which the mock does not ship): the same form
 * fields, posted as Stash's login page posts them, then back to `returnURL`.
 */
function loginPage(prefix: string, returnURL: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8" /><title>Login - MockStash</title>
<style>body{font-family:sans-serif;background:#202b33;color:#f5f8fa;display:grid;place-items:center;height:100vh;margin:0}
form{display:grid;gap:.5rem;min-width:16rem}input,button{padding:.4rem;font-size:1rem}#error{color:#ff7373;min-height:1.2em}</style>
</head>
<body>
<form id="login" method="post" action="${escapeHtml(prefix)}/login">
  <h1>MockStash</h1>
  <p>Sign in with the configured username and password, or with the mock's API key as the password.</p>
  <input type="hidden" name="returnURL" value="${escapeHtml(returnURL)}" />
  <input name="username" placeholder="Username" autocomplete="username" />
  <input name="password" type="password" placeholder="Password or API key" autocomplete="current-password" autofocus />
  <button type="submit">Login</button>
  <div id="error"></div>
</form>
<script>
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
  if (response.ok) window.location.href = form.returnURL.value || ${JSON.stringify(`${prefix}/`)};
  else document.getElementById('error').textContent = (await response.text()).trim();
});
</script>
</body>
</html>
`;
}

/** True for the paths Stash's session handlers own. */
export function isLoginRoute(path: string): boolean {
  return path === '/login' || path === '/logout';
}

/**
 * Stash's `GET /login` (the page, or straight back when no credentials are needed), `POST /login` (the
 * form's fields checked, a session cookie set, 200; else 401 `Username or password is invalid`) and
 * `GET /logout` (the session ended, back to the login page).
 */
export function serveLoginRoute(
  req: CoreRequest,
  path: string,
  config: MockConfig,
  sessions: MockSessions,
): HttpAnswer | null {
  const prefix = prefixOf(req);
  const authOn = config.apiKey !== null;
  if (path === '/logout' && req.method === 'GET') {
    const cookie = sessions.end(req.header('cookie'));
    const location = authOn ? `${prefix}/login` : `${prefix}/`;
    return { status: 302, headers: { Location: location, 'Set-Cookie': cookie }, body: '' };
  }
  if (path !== '/login') return null;
  if (req.method === 'POST') {
    const form = new URLSearchParams(req.body);
    const field = (name: string) => form.get(name) ?? req.url.searchParams.get(name) ?? '';
    if (!config.validateCredentials(field('username'), field('password')))
      return httpError(401, 'Username or password is invalid');
    const cookie = sessions.start(config.general.maxSessionAge);
    return { status: 200, headers: { 'Set-Cookie': cookie }, body: '' };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const returnURL = req.url.searchParams.get('returnURL') ?? '';
  if (!authOn) return { status: 302, headers: { Location: returnURL || `${prefix}/` }, body: '' };
  const answer = staticContent(req, loginPage(prefix, returnURL), 'text/html');
  // Stash sets the page headers without plugin sources on its login page
  return { ...answer, headers: { ...answer.headers, ...pageSecurityHeaders(null) } };
}
