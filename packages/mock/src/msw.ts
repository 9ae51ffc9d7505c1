import { http, HttpResponse, type HttpHandler } from 'msw';
import { createMockStashHandler, type MockStashHandler } from './server/createMockStashHandler';
import type { MockStashOptions } from './server/MockStashCore';

export interface MockStashHandlers {
  /** MSW request handlers answering `*\/graphql` (POST, GET and CORS preflight). */
  handlers: HttpHandler[];
  /** The underlying fetch handler: its request log, faults and `reset()`. */
  mock: MockStashHandler;
}

/**
 * MSW 2 handlers for the browser (service worker), Storybook and `msw/node`: every request to a
 * path ending in `/graphql` is answered by an in-memory mock. A dropped connection becomes a network error.
 */
export function createMockStashHandlers(options: MockStashOptions = {}): MockStashHandlers {
  const mock = createMockStashHandler(options);
  const answer = async ({ request }: { request: Request }) => {
    try {
      return await mock(request);
    } catch (error) {
      if (error instanceof TypeError) return HttpResponse.error();
      throw error;
    }
  };
  return {
    handlers: [
      http.post('*/graphql', answer),
      http.get('*/graphql', answer),
      http.options('*/graphql', answer),
    ],
    mock,
  };
}
