import { MockStashCore, type MockStashOptions } from './MockStashCore';
import type { FaultController } from './faults';
import type { RequestLog } from './requestLog';

/** A `fetch`-compatible handler (Request → Response) over one mock instance. */
export interface MockStashHandler {
  (request: Request): Promise<Response>;
  readonly requests: RequestLog;
  readonly faults: FaultController;
  readonly core: MockStashCore;
  reset(): void;
}

/**
 * Creates the mock as a fetch handler, e.g. `createStashClient({ url, fetch: (input, init) =>
 * handler(new Request(input, init)) })`. A dropped connection rejects with a TypeError, as fetch does.
 */
export function createMockStashHandler(
  options: MockStashOptions = {},
  core: MockStashCore = new MockStashCore(options),
): MockStashHandler {
  const handler = async (request: Request): Promise<Response> => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const answer = await core.handle({
      method: request.method,
      url: new URL(request.url),
      header: (name) => request.headers.get(name),
      body,
    });
    if (answer.drop) throw new TypeError('MockStash: connection dropped (injected fault)');
    // 204/304 responses must not carry a body.
    return new Response(answer.status === 204 ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };
  return Object.assign(handler, {
    requests: core.requests,
    faults: core.faults,
    core,
    reset: () => core.reset(),
  });
}
