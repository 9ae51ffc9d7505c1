import { fnv1a } from '../media/placeholderSvg';
import type { CoreRequest, CoreResponse } from './MockStashCore';

const encoder = new TextEncoder();

/** An HTTP answer (not a dropped connection). */
export type HttpAnswer = Exclude<CoreResponse, { drop: true }>;

/** A plain-text error as Go's http.Error writes it. */
export function httpError(status: number, message: string): HttpAnswer {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    body: `${message}\n`,
  };
}

export const notFound = () => httpError(404, '404 page not found');

/**
 * Stash's ServeStaticContent: `Cache-Control` immutable when the URL has `?t=`, else `no-cache`; an ETag
 * (here FNV-1a, Stash's is MD5) answering `If-None-Match` with 304; one byte range (`Range: bytes=a-b`)
 * answered 206, as Go's http.ServeContent, so video elements can seek.
 */
export function staticContent(
  req: CoreRequest,
  data: string | Uint8Array<ArrayBuffer>,
  type: string | null,
): HttpAnswer {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const etag = `"${fnv1a(bytes).toString(16).padStart(8, '0')}-${bytes.length.toString(16)}"`;
  const headers: Record<string, string> = {
    'Cache-Control': req.url.searchParams.has('t') ? 'private, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (type !== null) headers['Content-Type'] = type;
  if (req.header('if-none-match') === etag) return { status: 304, headers, body: '' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.header('range') ?? '');
  if (range && (range[1] || range[2])) {
    const size = bytes.length;
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    start = Math.max(0, start);
    if (start >= size || end < start) {
      return {
        status: 416,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Range': `bytes */${size}` },
        body: 'invalid range: failed to overlap\n',
      };
    }
    headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    return { status: 206, headers, body: bytes.slice(start, end + 1) };
  }
  return { status: 200, headers, body: bytes };
}
