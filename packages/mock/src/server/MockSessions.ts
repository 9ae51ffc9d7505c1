/** The name of Stash's session cookie (gorilla/sessions `session`). */
const COOKIE = 'session';

/** Random hex from Web Crypto (node and browsers alike; the MSW handlers run in the browser). */
function token(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Login sessions of one mock instance, as Stash's cookie store keeps them: `POST /login` starts one, its
 * cookie authenticates every later request (pages, `/graphql`, media, the websocket), `/logout` ends it.
 * Tokens are opaque random values held here (Stash signs the user id into the cookie); a session lasts
 * `maxSessionAge` seconds from login.
 */
export class MockSessions {
  private readonly expiry = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts a session: the `Set-Cookie` value for it. */
  start(maxAgeSeconds: number): string {
    const id = token();
    this.expiry.set(id, this.now() + maxAgeSeconds * 1000);
    const expires = new Date(this.now() + maxAgeSeconds * 1000).toUTCString();
    return `${COOKIE}=${id}; Path=/; Expires=${expires}; Max-Age=${maxAgeSeconds}; SameSite=Lax`;
  }

  /** True when the request's `Cookie` header carries a live session. */
  valid(cookieHeader: string | null): boolean {
    const id = this.idOf(cookieHeader);
    const until = id === null ? undefined : this.expiry.get(id);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.expiry.delete(id!);
    return false;
  }

  /** Ends the request's session: the `Set-Cookie` value that clears the cookie. */
  end(cookieHeader: string | null): string {
    const id = this.idOf(cookieHeader);
    if (id !== null) this.expiry.delete(id);
    return `${COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; SameSite=Lax`;
  }

  clear(): void {
    this.expiry.clear();
  }

  private idOf(cookieHeader: string | null): string | null {
    for (const part of (cookieHeader ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === COOKIE) return value.join('=');
    }
    return null;
  }
}
